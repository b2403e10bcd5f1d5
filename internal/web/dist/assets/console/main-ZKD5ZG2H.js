var q,so,Gn,Le,Yn,Yt,io,Vt,ro,Jn,Qn,Fi,kt=Symbol.for("pv"),Qt={},Gt=[],ji=/^m(i|n|o|s|text|space)$/,Zn=Array.isArray,Xn=Gt.slice,Ge=Object.assign;function Qe(e){e&&e.parentNode&&e.remove()}function Ct(e,t,n){var a,s,i,r={},l=arguments.length;for(i in t)i=="key"?a=t[i]:i=="ref"&&typeof e!="function"?s=t[i]:r[i]=t[i];return l>2&&(r.children=l>3?Xn.call(arguments,2):n),wt(e,r,a,s,null)}function wt(e,t,n,a,s){var i={type:e,props:t,key:n,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:kt,__v:s||++so,__i:-1,__u:0};return!s&&q.vnode&&q.vnode(i),i}function Ze(e){return e.children}function Je(e,t){this.props=e,this.context=t,this.__g=0}function Oe(e,t){if(t==null)return e.__&&Oe(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:Oe(e)}function Hi(e){var t,n=e.__v,a=n.__e,s=[],i=[],r=e.__P;r&&((t=Ge({constructor:kt},n)).__v=n.__v+1,q.vnode&&q.vnode(t),ea(r,t,n,e.__n,r.namespaceURI,32&n.__u?[a]:null,s,a||Oe(n),32&n.__u,i),t.__v=n.__v,t.__.__k[t.__i]=t,mo(s,t,i),n.__=n.__e=null,t.__e!=a&&lo(t))}function lo(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),lo(e)}function ao(e){(8&e.__g||(e.__g|=8,Le.push(e),Yt++))&&Yn==q.debounceRendering||((Yn=q.debounceRendering)||queueMicrotask)(co)}function co(){try{for(var e,t=1;Le.length;)Le.length>t&&Le.sort(io),e=Le.shift(),t=Le.length,8&e.__g&&Hi(e)}finally{(Yt=Le.length)&&(Yn||queueMicrotask)(co)}}function po(e,t,n,a,s,i,r,l,p,m,c){var f,d,u,g,$,y,b=a.__k||Gt,w=t.length;for(p=Bi(n,t,b,p,w),f=0;f<w;f++)(u=n.__k[f])!=null&&(d=~u.__i&&b[u.__i]||Qt,u.__i=f,y=ea(e,u,d,s,i,r,l,p,m,c),g=u.__e,(d.ref!=u.ref||8&d.__u)&&(d.ref&&ta(d.ref,null,u,d),u.ref&&c.push(u.ref,u.__c||g,u)),$=$||g,4&u.__u?(p=uo(u,p,e,!d.__v),d.__e&&(d.__e=null)):typeof u.type=="function"&&y!==void 0?p=y:g&&(p=g.nextSibling),u.__u&=-21);return n.__e=$,p}function Bi(e,t,n,a,s){var i,r,l,p,m,c,f,d,u,g=n.length,$=g,y=0,b=0,w=e.__k=Array(s);for(i=0;i<s;i++)(r=t[i])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=w[i]=wt(null,r):Zn(r)?r=w[i]=wt(Ze,{children:r}):r.constructor===kt&&r.__b?r=w[i]=wt(r.type,r.props,r.key,r.ref,r.__v):w[i]=r,p=i+y,r.__=e,r.__b=e.__b+1,l=null,~(m=r.__i=Vi(r,n,p,$))&&($--,(l=n[m])&&(l.__u|=2)),l&&l.__v?(r.__u|=16,m==p-1?y--:m==p+1?y++:m!=p&&(m>p?y--:y++,b=1)):(~m||(s>g?y--:s<g&&y++),typeof r.type!="function"&&(r.__u|=4))):w[i]=null;if(b){for(c=[],f=[],i=0;i<s;i++)if((r=w[i])&&16&r.__u){for(y=0,d=c.length;y<d;)c[u=y+d>>1]<r.__i?y=u+1:d=u;c[y]=r.__i,f[i]=y+1}for(y=c.length;i--;)f[i]&&(f[i]==y?y--:w[i].__u|=4)}if($)for(i=0;i<g;i++)!(l=n[i])||2&l.__u||(l.__e==a&&(a=Oe(l)),na(l,l));return a}function uo(e,t,n,a){var s,i,r,l;if(typeof e.type=="function"){if(e.props.__P)return t;if(s=e.__k)for(i=0;i<s.length;i++)s[i]&&(s[i].__=e,t=uo(s[i],t,n,!1));return t}for(t&&!t.parentNode&&(t=Oe(e))&&!t.parentNode&&(t=null),r=e.__e,l=t;l&&l.nodeType==8;)l=l.nextSibling;for(r!=l&&(!a&&n.moveBefore&&r.parentNode?n.moveBefore(r,t):n.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function Vi(e,t,n,a){var s,i=e.key,r=e.type,l=t[n],p=l&&!(2&l.__u);if(l===null&&i==null||p&&i==l.key&&r==l.type)return n;if(a>(p?1:0)){for(s=n-1;s>=0;s--)if((l=t[s])&&!(2&l.__u)&&i==l.key&&r==l.type)return s;for(s=n+1;s<t.length;s++)if((l=t[s])&&!(2&l.__u)&&i==l.key&&r==l.type)return s}return-1}function oo(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function Bt(e,t,n,a,s){var i,r;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof a=="string"&&(e.style.cssText=a=""),a)for(t in a)n&&t in n||oo(e.style,t);if(n)for(t in n)a&&n[t]==a[t]||oo(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof a!="function"&&(a=null),(e.__e||(e.__e={}))[t]=n,n&&a||(r=Qn[t]||(Qn[t]=Ki(t)),(e.__a||(e.__a={}))[t]=Jn,i=t!=(t=t.replace(ro,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,r,i):e.removeEventListener(t,r,i));else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function Ki(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[Vt]==null)t[Vt]=Jn++;else if(t[Vt]<this.__a[e])return;return n(q.event?q.event(t):t)}}}function ea(e,t,n,a,s,i,r,l,p,m){var c,f,d,u,g,$,y,b,w,T,E,x,D,te,ne,R,z,se,H=t.type;if(t.constructor!==kt)return null;128&n.__u&&(p=32&n.__u,c=n.__c.__z)&&(t.__u|=p,f=i=[],c.nodeType==8?l=Kt(c,i):i.push(c),l=i[0]||l),(c=q.__b)&&c(t);e:if(typeof H=="function"){d=r.length;try{if(b=t.props,w=(c=H.prototype)&&c.render,T=(c=H.contextType)&&a[c.__c],E=c?T?T.props.value:c.__:a,(u=n.__c)?(t.__c=u,2&u.__g&&(u.__g|=1)):(w?t.__c=u=new H(b,E):(t.__c=u=new Je(b,E),u.constructor=H,u.render=Qi),T&&T.sub(u),u.state||(u.state={}),u.__n=a,u.__g|=8,u.__h=[],u.__k=[]),w&&(u.__s||(u.__s=u.state),H.getDerivedStateFromProps&&(u.__s==u.state&&(u.__s=Ge({},u.__s)),Ge(u.__s,H.getDerivedStateFromProps(b,u.__s)))),g=u.props,$=u.state,u.__v=t,n.__c){if(b!==g&&w&&!H.getDerivedStateFromProps&&u.componentWillReceiveProps&&u.componentWillReceiveProps(b,E),t.__v==n.__v&&!(8&u.__g)||!(4&u.__g)&&u.shouldComponentUpdate&&u.shouldComponentUpdate(b,u.__s,E)===!1){t.__v!=n.__v&&(u.props=b,u.state=u.__s,u.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(Y){Y&&(Y.__=t)}),Gt.push.apply(u.__h,u.__k),u.__k=[],u.__h.length&&r.push(u),l=Oe(n);break e}u.componentWillUpdate&&u.componentWillUpdate(b,u.__s,E),w&&u.componentDidUpdate&&u.__h.push(function(){u.componentDidUpdate(g,$,y)})}else w&&!H.getDerivedStateFromProps&&u.componentWillMount&&u.componentWillMount(),w&&u.componentDidMount&&u.__h.push(u.componentDidMount);u.context=E,u.props=b,u.__P=e,u.__g&=-5,x=q.__r,D=w?25:0;do u.__g&=-9,x&&x(t),c=u.render(u.props,u.state=u.__s,u.context);while(8&u.__g&&++D<25);w&&(Gt.push.apply(u.__h,u.__k),u.__k=[]),u.state=u.__s,u.getChildContext&&(a=Ge({},a,u.getChildContext())),w&&n.__c&&u.getSnapshotBeforeUpdate&&(y=u.getSnapshotBeforeUpdate(g,$)),te=c&&c.type===Ze&&c.key==null?c.props.children:c,b.__P&&(c=l,s=(e=b.__P).namespaceURI,p=i=null,n.props&&n.props.__P!=e&&(n.__k.some(function(Y){Y&&na(Y,Y)}),n.__k=null),l=n.__k?Oe(n,0):null),l=po(e,Zn(te)?te:[te],t,n,a,s,i,r,l,p,m),b.__P&&(t.__e=null,l=c),t.__u&=-161,f&&f.some(Qe),u.__h.length&&r.push(u),1&u.__g&&(u.__g&=-4)}catch(Y){if(r.length=d,t.__v=null,p||i)if(Y&&Y.then){if(t.__u|=128|p,i){for(~(z=i.indexOf(l||void 0))||(z=i.length);(se=i[z-1])&&se.nodeType==8;)z--;for(;z<i.length;z++)if(se=i[z])if(i[z]=null,ne){if(se==R)break}else{if(se.nodeType!=8)break;se.data.startsWith("$s")&&(R=Kt(ne=se))}}if(!ne){for(;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;ne=l}(c=Kt(ne=t.__c.__z||(t.__c.__z=ne)))?(t.__e=ne,l=c):t.__e=l,l=l&&l.nextSibling}else i&&i.some(Qe);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),Y&&Y.then||fo(t),q.__e(Y,t,n)}}else l=t.__e=Yi(n.__e,t,n,a,s,i,r,p,m,e);return(c=q.diffed)&&c(t),l}function Kt(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function fo(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(fo))}function mo(e,t,n){for(var a=0;a<n.length;)ta(n[a++],n[a++],n[a++]);q.__c&&q.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(i){i.call(s)})}catch(i){q.__e(i,s.__v)}})}function Yi(e,t,n,a,s,i,r,l,p,m){var c,f,d,u,g,$,y,b,w=n.props||Qt,T=t.props,E=t.type;if(E=="svg"?s="http://www.w3.org/2000/svg":E=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),i){for(c=0;c<i.length;c++)if((g=i[c])&&(E?g.localName==E:g.nodeType==3)){e=g,i[c]=null;break}}if(!e){if(b=m.ownerDocument||document,!E)return b.createTextNode(T);e=b.createElementNS(s,E,T.is?T:m),l&&(q.__m&&q.__m(t,i),l=!1),i=null}if(E){if(m=E=="template"&&e.content||e,i=E=="textarea"&&T.defaultValue!=null?null:i&&Xn.call(m.childNodes),!l&&i)for(w={},c=0;c<e.attributes.length;c++)w[(g=e.attributes[c]).name]=g.value;for(c in w)g=w[c],c=="dangerouslySetInnerHTML"?d=g:c=="children"||c in T||c=="value"&&"defaultValue"in T||c=="checked"&&"defaultChecked"in T||Bt(e,c,null,g,s);for(c in T)g=T[c],c=="children"?u=g:c=="dangerouslySetInnerHTML"?f=g:c=="value"?$=g:c=="checked"?y=g:l&&typeof g!="function"||w[c]===g||Bt(e,c,g,w[c],s);f?(l||d&&(f.__html==d.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):(d&&(e.textContent=""),(E=="foreignObject"||s=="http://www.w3.org/1998/Math/MathML"&&ji.test(E))&&(s="http://www.w3.org/1999/xhtml"),po(m,Zn(u)?u:[u],t,n,a,s,i,r,i?i[0]:n.__k&&Oe(n,0),l,p),i&&i.some(Qe)),l&&E!="textarea"||(c="value",E=="progress"&&$==null?e.removeAttribute(c):$==null||$===e[c]&&(E!="progress"||$)||Bt(e,c,$,w[c],s),c="checked",y!=null&&y!=e[c]&&Bt(e,c,y,w[c],s))}else w===T||l&&e.data==T||(e.data=T);return e}function ta(e,t,n,a){try{typeof e=="function"?t?t.__x=e(t)||1:a&&(a=a.__c||a.__e)&&(t=a.__x)&&(a.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(s){q.__e(s,n)}}function na(e,t,n){var a,s,i,r;if(q.unmount&&q.unmount(e),!(a=e.ref)||a.current&&a.current!=e.__e||ta(a,null,t,e),a=e.__c){if(a.componentWillUnmount)try{a.componentWillUnmount()}catch(l){q.__e(l,t)}a.__P=a.__n=null}if(a=e.__k)for(r=0;r<a.length;r++)a[r]&&na(a[r],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(a=e.__c)&&(a=a.__z)&&(s=Kt(a,i=[]))&&(a==e.__e&&i.some(Qe),Qe(s),Qe(a)),n||Qe(e.__e),e.__e=e.__c=e.__=null}function Qi(e,t,n){return this.constructor(e,n)}function aa(e,t){var n,a,s,i;q.__&&q.__(e,t),t.nodeType==9&&(t=t.documentElement),a=(n=e&&32&e.__u)?null:t.__k,t.__k=wt(Ze,{children:[e]}),s=[],i=[],ea(t,t.__k,a||Qt,Qt,t.namespaceURI,a?null:t.firstChild?Xn.call(t.childNodes):null,s,a?a.__e:t.firstChild,n,i),mo(s,t.__k,i),t.__k.props.children=null}q={__e:function(e,t,n,a){for(var s,i,r;t=t.__;)if((s=t.__c)&&!(1&s.__g)){s.__g|=4;try{if((r=(i=s.constructor)&&i.getDerivedStateFromError)&&s.setState(i.getDerivedStateFromError(e)),s.componentDidCatch&&(s.componentDidCatch(e,a||{}),r=1),r&&8&s.__g)return void(s.__g|=2)}catch(l){e=l}}throw Yt=0,e}},so=0,Gn=function(e){return e!=null&&e.constructor===kt},Je.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=Ge({},this.state)),typeof e=="function"&&(e=e(Ge({},n),this.props)),e&&(Ge(n,e),this.__v&&(t&&this.__k.push(t),ao(this)))},Je.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),ao(this))},Je.prototype.render=Ze,Le=[],Yt=0,io=function(e,t){return e.__v.__b-t.__v.__b},Vt=Symbol(),ro=/(PointerCapture)$|Capture$/i,Jn=0,Qn={},Fi=0;var go=function(e,t,n,a){var s;t[0]=0;for(var i=1;i<t.length;i++){var r=t[i++],l=t[i]?(t[0]|=r?1:2,n[t[i++]]):t[++i];r===3?a[0]=l:r===4?a[1]=Object.assign(a[1]||{},l):r===5?(a[1]=a[1]||{})[t[++i]]=l:r===6?a[1][t[++i]]+=l+"":r?(s=e.apply(l,go(e,l,n,["",null])),a.push(s),l[0]?t[0]|=2:(t[i-2]=0,t[i]=s)):a.push(l)}return a},ho=new Map;function bo(e){var t=ho.get(this);return t||(t=new Map,ho.set(this,t)),(t=go(this,t.get(e)||(t.set(e,t=(function(n){for(var a,s,i=1,r="",l="",p=[0],m=function(d){i===1&&(d||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,d,r):i===3&&(d||r)?(p.push(3,d,r),i=2):i===2&&r==="..."&&d?p.push(4,d,0):i===2&&r&&!d?p.push(5,0,!0,r):i>=5&&((r||!d&&i===5)&&(p.push(i,0,r,s),i=6),d&&(p.push(i,d,0,s),i=6)),r=""},c=0;c<n.length;c++){c&&(i===1&&m(),m(c));for(var f=0;f<n[c].length;f++)a=n[c][f],i===1?a==="<"?(m(),p=[p],i=3):r+=a:i===4?r==="--"&&a===">"?(i=1,r=""):r=a+r[0]:l?a===l?l="":r+=a:a==='"'||a==="'"?l=a:a===">"?(m(),i=1):i&&(a==="="?(i=5,s=r,r=""):a==="/"&&(i<5||n[c][f+1]===">")?(m(),i===3&&(p=p[0]),i=p,(p=p[0]).push(2,0,i),i=0):a===" "||a==="	"||a===`
`||a==="\r"?(m(),i=2):r+=a),i===3&&r==="!--"&&(i=4,p=p[0])}return m(),p})(e)),t),arguments,[])).length>1?t:t[0]}var o=bo.bind(Ct);var rt,Q,oa,vo,sa=Object.is,Jt=0,To=[],ia=[],V=q,yo=V.__b,$o=V.__r,xo=V.diffed,_o=V.__c,wo=V.unmount,ko=V.__;function Zt(e,t){V.__h&&V.__h(Q,e,Jt||t),Jt=0;var n=Q.__H||(Q.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function h(e){return Jt=1,Gi(Io,e)}function Gi(e,t,n){var a=Zt(rt++,2);if(a.t=e,!a.__c&&(a.__=[n?n(t):Io(void 0,t),function(i){var r=(a.__N||a.__)[0],l=a.t(r,i);sa(r,l)||(a.__N=[l,a.__[1]],a.__c.setState({}))}],a.__c=Q,!Q.__f)){Q.__f=!0;var s=Q.shouldComponentUpdate;Q.shouldComponentUpdate=function(i,r,l){var p=this.__H;if(!p)return!0;var m=!1,c=this.props!=i;if(p.__.some(function(d){d.__N&&(m=!0,sa(d.__[0],d.__N[0])||(c=!0))}),s){var f=s.call(this,i,r,l);return m?f||c:f}return!m||c}}return a.__}function _(e,t){var n=Zt(rt++,3);!V.__s&&la(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,Q.__H.__h.push(n))}function Ao(e,t){var n=Zt(rt++,4);!V.__s&&la(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,Q.__h.push(n))}function W(e){return Jt=5,Xt(function(){return{current:e}},[])}function Xt(e,t){var n=Zt(rt++,7);return la(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Ji(){var e;do{for(;e=ia.shift();)try{St(e)}catch(n){V.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=To.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(St),t.__h.some(ra),t.__h=[]}catch(n){t.__h=[],V.__e(n,e.__v)}}}while(ia.length)}V.__b=function(e){Q=null,yo&&yo(e)},V.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ko&&ko(e,t)},V.__r=function(e){$o&&$o(e),rt=0;var t=(Q=e.__c).__H;t&&(oa==Q?Q.__h=[]:(t.__h.some(St),t.__h.some(ra),rt=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),oa=Q},V.diffed=function(e){xo&&xo(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&So(To.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),oa=Q=null},V.__c=function(e,t){t.some(function(n){try{n.__h.some(St),n.__h=n.__h.filter(function(a){return!a.__||ra(a)})}catch(a){n.__h=[function(){throw a}]}}),_o&&_o(e,t)},V.unmount=function(e){wo&&wo(e);var t,n,a=e.__c;a&&a.__H&&(a.__H.__.some(function(s){try{if(s.__P&&s.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}s.__P=n,So(ia.push(s))}else St(s)}catch(i){t=i}}),a.__H=void 0,t&&V.__e(t,a.__v))};var Co=typeof requestAnimationFrame=="function";function Zi(e){var t,n=function(){clearTimeout(a),Co&&cancelAnimationFrame(t),setTimeout(e)},a=setTimeout(n,35);Co&&(t=requestAnimationFrame(n))}function So(e){e!=1&&vo==V.requestAnimationFrame||((vo=V.requestAnimationFrame)||Zi)(Ji)}function St(e){var t=Q,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),Q=t}function ra(e){var t=Q;e.__c=e.__(),Q=t}function la(e,t){return!e||e.length!=t.length||t.some(function(n,a){return!sa(n,e[a])})}function Io(e,t){return typeof t=="function"?t(e):t}var Xi=Symbol.for("preact-signals");function an(){if(De>1)De--;else{var e,t=!1;for((function(){var s=tn;for(tn=void 0;s!==void 0;){var i=s.S;if(i.v===s.v)for(var r=i.t;r!==void 0;r=r.x)r.i===s.i&&(r.i=i.i);s=s.o}})();At!==void 0;){var n=At;for(At=void 0,en++;n!==void 0;){var a=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&No(n))try{n.c()}catch(s){t||(e=s,t=!0)}n=a}}if(en=0,De--,t)throw e}}function Ue(e){if(De>0)return e();ca=++er,De++;try{return e()}finally{an()}}var Tt,F=void 0;function It(e){var t=F,n=Tt;F=void 0,Tt=void 0;try{return e()}finally{F=t,Tt=n}}var At=void 0,De=0,en=0,er=0,ca=0,tn=void 0,nn=0;function Eo(e){if(F!==void 0){var t=e.n;if(t===void 0||t.t!==F)return t={i:0,S:e,p:F.s,n:void 0,t:F,e:void 0,x:void 0,r:t},F.s!==void 0&&(F.s.n=t),F.s=t,e.n=t,32&F.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=F.s,t.n=void 0,F.s.n=t,F.s=t),t}}function ee(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}ee.prototype.brand=Xi;ee.prototype.h=function(){return!0};ee.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n!==void 0?n.e=e:It(function(){var a;(a=t.W)==null||a.call(t)}))};ee.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,a=e.x;n!==void 0&&(n.x=a,e.e=void 0),a!==void 0&&(a.e=n,e.x=void 0),e===this.t&&(this.t=a,a===void 0&&It(function(){var s;(s=t.Z)==null||s.call(t)}))}};ee.prototype.subscribe=function(e){var t=this;return qe(function(){var n=t.value;It(function(){return e(n)})},{name:"sub"})};ee.prototype.valueOf=function(){return this.value};ee.prototype.toString=function(){return this.value+""};ee.prototype.toJSON=function(){return this.value};ee.prototype.peek=function(){var e=this;return It(function(){return e.value})};Object.defineProperty(ee.prototype,"value",{get:function(){var e=Eo(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(en>100)throw new Error("Cycle detected");(function(n){De!==0&&en===0&&n.l!==ca&&(n.l=ca,tn={S:n,v:n.v,i:n.i,o:tn})})(this),this.v=e,this.i++,nn++,De++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{an()}}}});function A(e,t){return new ee(e,t)}function No(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function Do(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function qo(e){for(var t=e.s,n=void 0;t!==void 0;){var a=t.p;t.i===-1?(t.S.U(t),a!==void 0&&(a.n=t.n),t.n!==void 0&&(t.n.p=a)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=a}e.s=n}function Xe(e,t){ee.call(this,void 0,t),this.x=e,this.s=void 0,this.g=nn-1,this.f=4}Xe.prototype=new ee;Xe.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===nn))return!0;if(this.g=nn,this.f|=1,this.i>0&&!No(this))return this.f&=-2,!0;var e=F;try{Do(this),F=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(n){this.v=n,this.f|=16,this.i++}return F=e,qo(this),this.f&=-2,!0};Xe.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}ee.prototype.S.call(this,e)};Xe.prototype.U=function(e){if(this.t!==void 0&&(ee.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};Xe.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(Xe.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=Eo(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function ae(e,t){return new Xe(e,t)}function Ro(e){var t=e.j;if(e.j=void 0,typeof t=="function"){De++;var n=F;F=void 0;try{t()}catch(a){throw e.f&=-2,e.f|=8,da(e),a}finally{F=n,an()}}}function da(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,Ro(e)}function tr(e){if(F!==this)throw new Error("Out-of-order effect");qo(this),F=e,this.f&=-2;try{8&this.f&&da(this)}finally{an()}}function lt(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,Tt&&Tt.push(this)}lt.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};lt.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,Ro(this),Do(this),De++;var e=F;return F=this,tr.bind(this,e)};lt.prototype.N=function(){2&this.f||(this.f|=2,this.u=At,At=this)};lt.prototype.d=function(){this.f|=8,1&this.f||da(this)};lt.prototype.dispose=function(){this.d()};function qe(e,t){var n=new lt(e,t);try{n.c()}catch(s){throw n.d(),s}var a=n.d.bind(n);return a[Symbol.dispose]=a,a}var Po,sn,on,nr=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var zo=[];qe(function(){Po=this.N})();function ct(e,t){q[e]=t.bind(null,q[e]||function(){})}function Et(e){if(on){var t=on;on=void 0,t()}on=e&&e.S()}function Mo(e){var t=this,n=e.data,a=or(n);a.name="ReactiveDom",a.value=n;var s=Xt(function(){for(var l=t,p=t.__v;p=p.__;)if(p.__c){p.__c.__$f|=4;break}var m=ae(function(){var u=a.value.value;return u===0?0:u===!0?"":u||""}),c=ae(function(){return!Array.isArray(m.value)&&!Gn(m.value)}),f=qe(function(){if(this.N=Lo,c.value){var u=m.value;l.__v&&l.__v.__e&&l.__v.__e.nodeType===3&&(l.__v.__e.data=u)}}),d=t.__$u.d;return t.__$u.d=function(){f(),d.call(this)},[c,m]},[]),i=s[0],r=s[1];return i.value?r.peek():r.value}Mo.displayName="ReactiveTextNode";Object.defineProperties(ee.prototype,{constructor:{configurable:!0,value:Ct(Ze,null).constructor},type:{configurable:!0,value:Mo},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});ct("__b",function(e,t){if(Et(),sn=void 0,typeof t.type=="string"){var n,a=t.props;for(var s in a)if(s!=="children"){var i=a[s];i instanceof ee&&(n||(t.__np=n={}),n[s]=i,a[s]=i.peek())}}e(t)});ct("__r",function(e,t){if(e(t),t.type!==Ze){Et();var n,a=t.__c;a&&(a.__$f&=-2,(n=a.__$u)===void 0&&(a.__$u=n=(function(s,i){var r;return qe(function(){r=this},{name:i}),r.c=s,r})((function(s){return function(){var i;nr&&((i=this.y)==null||i.call(this)),s.__$f|=1,s.setState({})}})(a),typeof t.type=="function"?t.type.displayName||t.type.name:""))),sn=a,Et(n)}});ct("__e",function(e,t,n,a){Et(),sn=void 0,e(t,n,a)});ct("diffed",function(e,t){Et(),sn=void 0;var n;if(typeof t.type=="string"&&(n=t.__e)){var a=t.__np,s=t.props,i=n.U;if(i)for(var r in i){var l=i[r];l===void 0||a&&r in a||(l.d(),i[r]=void 0)}if(a){i||(i={},n.U=i);for(var p in a){var m=i[p],c=a[p];m===void 0?(m=ar(n,p,c,s),i[p]=m):m.o(c,s)}}}e(t)});function ar(e,t,n,a){var s=t in e&&e.ownerSVGElement===void 0,i=A(n);return{o:function(r,l){i.value=r,a=l},d:qe(function(){this.N=Lo;var r=i.value.value;a[t]!==r&&(a[t]=r,s?e[t]=r:r!=null&&(r!==!1||t[4]==="-")?e.setAttribute(t,r):e.removeAttribute(t))})}}ct("unmount",function(e,t){if(typeof t.type=="string"){var n=t.__e;if(n){var a=n.U;if(a){n.U=void 0;for(var s in a){var i=a[s];i&&i.d()}}}var r=t.__np;if(r){var l=t.props;for(var p in r)l[p]=r[p]}t.__np=void 0}else{var m=t.__c;if(m){m.__$f|=8;var c=m.__$u;c&&(m.__$u=void 0,c.d())}}e(t)});ct("__h",function(e,t,n,a){a<3&&(t.__$f|=2),e(t,n,a)});Je.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,a=n&&n.s!==void 0;for(var s in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var i=2&this.__$f;if(!(a||i||4&this.__$f)||1&this.__$f)return!0}else if(!(a||4&this.__$f)||3&this.__$f)return!0;for(var r in e)if(r!=="__source"&&e[r]!==this.props[r])return!0;for(var l in this.props)if(!(l in e))return!0;return!1};function or(e,t){return Xt(function(){return A(e,t)},[])}var sr=function(e){queueMicrotask(function(){queueMicrotask(e)})};function ir(){Ue(function(){for(var e;e=zo.shift();)Po.call(e)})}function Lo(){zo.push(this)===1&&(q.requestAnimationFrame||sr)(ir)}var Oo="parley_csrf",rr="X-CSRF-Token",pt=Uo(Oo);function Uo(e){for(let t of document.cookie.split(";")){let[n,...a]=t.trim().split("=");if(n===e)return decodeURIComponent(a.join("="))}return""}var ft=class extends Error{constructor(t,n){super(n?.detail||n?.title||`Request failed (${t})`),this.status=t,this.code=n?.code||"",this.reason=n?.reason||"",this.fields=n?.errors||[]}};async function Pe(e,t,{body:n,query:a,headers:s={},raw:i}={}){let r=t;if(a){let d=new URLSearchParams;for(let[g,$]of Object.entries(a))$==null||$===""||(Array.isArray($)?$.forEach(y=>d.append(g,y)):d.set(g,String($)));let u=d.toString();u&&(r+="?"+u)}let l={Accept:"application/json",...s};e!=="GET"&&e!=="HEAD"&&(pt||(pt=Uo(Oo)),pt&&(l[rr]=pt));let p;i!==void 0?p=i:n!==void 0&&(l["Content-Type"]="application/json",p=JSON.stringify(n));let m;try{m=await fetch(r,{method:e,headers:l,body:p,credentials:"same-origin"})}catch{throw new ft(0,{detail:"The server cannot be reached. Check your connection."})}if(m.status===204)return null;let c=await m.text(),f=null;if(c)try{f=JSON.parse(c)}catch{f=null}if(!m.ok){let d=new ft(m.status,f);throw m.status===401&&pa&&!t.endsWith("/auth/login")&&pa(d),d}return f}var pa=null;function Wo(e){pa=e}var I=(e,t)=>Pe("GET",e,{query:t}),N=(e,t,n)=>Pe("POST",e,{body:t,query:n}),Re=(e,t)=>Pe("PATCH",e,{body:t}),ut=(e,t)=>Pe("PUT",e,{body:t}),ye=e=>Pe("DELETE",e);async function dt(e,t={},n=1e3){let a=[],s="";do{let i=await I(e,{...t,limit:200,cursor:s});a.push(...i.items||[]),s=i.next_cursor||""}while(s&&a.length<n);return a}async function Fo(e,t,n){let a=await N("/api/v1/auth/login",{email:e,password:t,workspace:n||void 0});return pt=a.csrf_token,a}async function jo(){try{await N("/api/v1/auth/logout")}finally{pt=""}}var B=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,v={conversations:e=>dt("/api/v1/conversations",e),conversation:e=>I(B(e)),messages:(e,t)=>I(B(e)+"/messages",t),context:(e,t)=>I(B(e)+"/context",t),send:(e,t)=>N(B(e)+"/messages",t),assign:(e,t)=>N(B(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,n)=>N(B(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:n}),unassign:(e,t)=>N(B(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>N(B(e)+"/resolve"),reopen:e=>N(B(e)+"/reopen"),markRead:(e,t)=>N(B(e)+"/read",{seq:t}),unread:e=>I(B(e)+"/unread"),myOffers:()=>I("/api/v1/me/offers"),acceptOffer:e=>N(B(e)+"/offer/accept"),declineOffer:e=>N(B(e)+"/offer/decline"),readStates:e=>I(B(e)+"/read-states"),upload:(e,t)=>Pe("POST",B(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>I(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>dt("/api/v1/agents"),createAgent:e=>N("/api/v1/agents",e),updateAgent:(e,t)=>Re(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>dt("/api/v1/inboxes"),createInbox:e=>N("/api/v1/inboxes",e),updateInbox:(e,t)=>Re(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>dt("/api/v1/tokens"),createToken:e=>N("/api/v1/tokens",e),revokeToken:e=>ye(`/api/v1/tokens/${encodeURIComponent(e)}`),contextEndpoints:()=>I("/api/v1/context-endpoints").then(e=>e.items),createContextEndpoint:e=>N("/api/v1/context-endpoints",e),rotateContextSecret:e=>N(`/api/v1/context-endpoints/${encodeURIComponent(e)}/secret`),deleteContextEndpoint:e=>ye(`/api/v1/context-endpoints/${encodeURIComponent(e)}`),webhooks:()=>dt("/api/v1/webhooks"),webhookEventTypes:()=>I("/api/v1/webhooks/event-types").then(e=>e.items),createWebhook:e=>N("/api/v1/webhooks",e),updateWebhook:(e,t)=>Re(`/api/v1/webhooks/${encodeURIComponent(e)}`,t),deleteWebhook:e=>ye(`/api/v1/webhooks/${encodeURIComponent(e)}`),rotateWebhookSecret:e=>N(`/api/v1/webhooks/${encodeURIComponent(e)}/rotate-secret`),pingWebhook:e=>N(`/api/v1/webhooks/${encodeURIComponent(e)}/ping`),webhookDeliveries:e=>I(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries`,{limit:25}).then(t=>t.items),webhookDelivery:(e,t)=>I(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}`),redeliverWebhook:(e,t)=>N(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}/redeliver`),teams:()=>I("/api/v1/teams").then(e=>e.items),createTeam:e=>N("/api/v1/teams",e),updateTeam:(e,t)=>Re(`/api/v1/teams/${encodeURIComponent(e)}`,t),deleteTeam:e=>ye(`/api/v1/teams/${encodeURIComponent(e)}`),queues:()=>I("/api/v1/queues").then(e=>e.items),createQueue:e=>N("/api/v1/queues",e),updateQueue:(e,t)=>Re(`/api/v1/queues/${encodeURIComponent(e)}`,t),deleteQueue:e=>ye(`/api/v1/queues/${encodeURIComponent(e)}`),setBusinessHours:(e,t)=>ut(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`,t),deleteBusinessHours:e=>ye(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`),routingRules:()=>I("/api/v1/routing-rules").then(e=>e.rules),setRoutingRules:e=>ut("/api/v1/routing-rules",{rules:e}),moveToQueue:(e,t)=>N(B(e)+"/queue",t),apps:()=>dt("/api/v1/apps"),app:e=>I(`/api/v1/apps/${encodeURIComponent(e)}`),installApp:e=>N("/api/v1/apps",e),disableApp:e=>N(`/api/v1/apps/${encodeURIComponent(e)}/disable`),enableApp:e=>N(`/api/v1/apps/${encodeURIComponent(e)}/enable`),uninstallApp:e=>ye(`/api/v1/apps/${encodeURIComponent(e)}`),audit:e=>I("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>ut("/api/v1/me/presence",{status:e}),snooze:(e,t)=>N(B(e)+"/snooze",t?{until:t}:void 0),unsnooze:e=>N(B(e)+"/unsnooze"),setPriority:(e,t)=>N(B(e)+"/priority",{priority:String(t)}),canned:()=>I("/api/v1/canned-responses"),renderCanned:(e,t)=>N(`/api/v1/canned-responses/${encodeURIComponent(e)}/render`,{conversation_id:t}),labels:()=>I("/api/v1/labels"),conversationLabels:e=>I(B(e)+"/labels"),addLabel:(e,t)=>ut(B(e)+"/labels/"+encodeURIComponent(t)),removeLabel:(e,t)=>ye(B(e)+"/labels/"+encodeURIComponent(t)),search:(e,t)=>I("/api/v1/search",{q:e,type:"messages",limit:25,cursor:t})};var et=A("connecting"),ua=new Set,ze=new Map,$e=null,Nt=1e3,fa=0,lr=1,Dt=!0,mt=new Map;function We(e){return ua.add(e),()=>ua.delete(e)}function Ho(){Dt&&(Dt=!1,ma())}function Bo(){Dt=!0,clearTimeout(fa),ze.clear(),$e&&$e.close(1e3),$e=null}function ma(){et.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);$e=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=n=>{let a;try{a=JSON.parse(n.data)}catch{return}if(a.type==="ready"){et.value="online",Nt=1e3,xe({type:"subscribe_feed"}).catch(()=>{});for(let[s,i]of ze)xe({type:"subscribe",conversation_id:s,after_seq:i}).catch(()=>{})}if(a.type==="message"&&a.message){let s=ze.get(a.conversation_id);s!==void 0&&a.message.seq>s&&ze.set(a.conversation_id,a.message.seq)}if(a.type==="subscribed"){let s=ze.get(a.conversation_id);s!==void 0&&ze.set(a.conversation_id,Math.max(s,a.last_seq))}if(a.id&&mt.has(a.id)){let s=mt.get(a.id);mt.delete(a.id),a.type==="error"?s.reject(a):s.resolve(a)}for(let s of ua)try{s(a)}catch(i){console.error(i)}},t.onclose=n=>{if($e!==t)return;$e=null;for(let s of mt.values())s.reject({code:"unavailable",message:"disconnected"});if(mt.clear(),Dt||(et.value="offline",n.code===1008&&n.reason==="no session cookie"))return;let a=Math.min(Nt,3e4)*(.8+Math.random()*.4);Nt=Math.min(Nt*2,3e4),fa=setTimeout(ma,a)}}function Vo(){Dt||$e||(clearTimeout(fa),Nt=1e3,ma())}function xe(e){return new Promise((t,n)=>{if(!$e||$e.readyState!==WebSocket.OPEN||et.value!=="online"){n({code:"unavailable",message:"not connected"});return}let a="c"+lr++;mt.set(a,{resolve:t,reject:n}),$e.send(JSON.stringify({...e,id:a}))})}function ha(e,t){let n=ze.get(e);n!==void 0&&n>=t||(ze.set(e,t),et.value==="online"&&xe({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var Ko=e=>ze.has(e);function Yo(e,t){xe({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var Go="parley.console.sound",Fe=A(typeof Notification>"u"?"unsupported":Notification.permission),qt=A(localStorage.getItem(Go)!=="off"),he=null;async function Jo(){if(ga(),!(typeof Notification>"u"))try{Fe.value=await Notification.requestPermission()}catch{Fe.value=Notification.permission}}function Zo(e){qt.value=e,localStorage.setItem(Go,e?"on":"off"),e&&ga()}function ga(){let e=window.AudioContext||window.webkitAudioContext;e&&(he||(he=new e),he.state==="suspended"&&he.resume().catch(()=>{}))}function Xo(e){e.isTrusted&&qt.value&&he?.state!=="running"&&ga()}document.addEventListener("pointerdown",Xo,!0);document.addEventListener("keydown",Xo,!0);function cr(){if(!qt.value||!he||he.state!=="running")return;let e=he.currentTime;[[880,0],[1318.5,.12]].forEach(([t,n])=>{let a=he.createOscillator(),s=he.createGain();a.type="sine",a.frequency.value=t,s.gain.setValueAtTime(1e-4,e+n),s.gain.exponentialRampToValueAtTime(.18,e+n+.02),s.gain.exponentialRampToValueAtTime(1e-4,e+n+.35),a.connect(s).connect(he.destination),a.start(e+n),a.stop(e+n+.4)})}function rn(e,t,n){if(document.hidden&&(cr(),Fe.value==="granted"))try{let a=new Notification(e,{body:t.slice(0,140),tag:n,icon:void 0});a.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:n})),a.close()}}catch{}}var J=A(null),Ca=A(!1),K=A({}),pe=A({}),re=A({}),de=A({}),me=A([]),at=A([]),G=A({}),He=A({}),_e=A({}),ht=A({}),pn=A(!0),yc=ae(()=>{let e=ie.value[bt("resolved")];return!!e&&!e.loading}),gt=A([]),gn=A(null),dn=!1;function os(){dn||(dn=!0,Promise.all([v.queues(),v.teams()]).then(([e,t])=>{gn.value={queues:e,teams:t}}).catch(()=>{dn=!1}))}function zt(){dn=!1,gn.value=null}var we=A(""),fe=ae(()=>J.value?.agent?.id||""),ke=ae(()=>J.value?.agent?.role||""),dr=ae(()=>new Set(J.value?.scopes||[])),Sa=e=>dr.value.has(e),un=e=>{let t=/^(.*?)(?:\.(\d+))?Z$/.exec(e||"");return t?t[1]+"."+(t[2]||"").padEnd(9,"0"):e||""},fn=(e,t)=>e<t?-1:e>t?1:0,ln=(e,t)=>fn(un(t.updated_at),un(e.updated_at))||fn(t.id,e.id),pr=(e,t)=>fn(un(e.created_at),un(t.created_at))||fn(e.id,t.id),ss=A(Date.now());setInterval(()=>{ss.value=Date.now()},3e4);var tt=e=>!!e.snoozed_until_reply||!!e.snoozed_until&&Date.parse(e.snoozed_until)>Date.now(),es=e=>e.status==="pending"||e.status==="assigned",Ta={queue:{member:e=>e.status==="pending"&&!tt(e),order:pr,query:()=>({status:"pending",snoozed:"false",sort:"oldest"})},mine:{member:e=>e.status==="assigned"&&e.assignee_id===fe.value&&!tt(e),order:ln,query:()=>({status:"assigned",assignee_id:fe.value,snoozed:"false",sort:"last_activity"})},open:{member:e=>es(e)&&!tt(e),order:ln,query:()=>({status:"pending,assigned",snoozed:"false",sort:"last_activity"})},snoozed:{member:e=>es(e)&&tt(e),order:ln,query:()=>({status:"pending,assigned",snoozed:"true",sort:"last_activity"})},resolved:{member:e=>e.status==="resolved",order:ln,query:()=>({status:"resolved",sort:"last_activity"})}},ur=100,ie=A({}),Ce=A(""),Me=A(""),is=()=>!!(Ce.value||Me.value),bt=e=>is()?`${e}#${Ce.value}#${Me.value}`:e;function fr(e,t){let n=ie.value[bt(e)];return n?is()?!!n.ids?.has(t.id):n.done||!n.edge?n.done:Ta[e].order(t,n.edge)<=0:!1}var ot=ae(()=>{ss.value;let e=Object.values(K.value),t={};for(let[n,a]of Object.entries(Ta))t[n]=e.filter(s=>a.member(s)&&fr(n,s)).sort(a.order);return t}),rs=e=>{let t=ie.value[bt(e)];return!t||!t.done},ls=e=>{let t=ie.value[bt(e)];return!!t&&!t.loading};function cs(e){ie.value[bt(e)]||nt(e)}function Aa(e,t,n){let a={...ie.value};for(let[s,i]of Object.entries(a)){if(!s.includes("#"+t+"#")||!i.ids)continue;let r=new Set(i.ids);n?r.add(e):r.delete(e),a[s]={...i,ids:r}}ie.value=a}async function nt(e){let t=Ta[e],n=bt(e),a=Ce.value,s=Me.value,i=ie.value[n];if(!t||i?.done||i?.loading)return;ie.value={...ie.value,[n]:{...i,loading:!0}};let r={...i,loading:!1};try{let l=await I("/api/v1/conversations",{...t.query(),label_id:a||void 0,priority:s||void 0,limit:ur,cursor:i?.cursor||void 0}),p=l.items||[];Ue(()=>{for(let f of p)Se(f)});let m=p[p.length-1];r={cursor:l.next_cursor||"",done:!l.next_cursor,loading:!1,edge:m?{...m}:i?.edge,ids:a||s?new Set([...i?.ids||[],...p.map(f=>f.id)]):void 0};let c=p.filter(Ea);for(let f of c)us(f);vn(c.map(f=>f.id))}catch(l){k(l,"Could not load conversations")}finally{ie.value={...ie.value,[n]:r}}}var $c=ae(()=>ot.value.mine.reduce((e,t)=>e+(re.value[t.id]||0),0)),mr=0;function C(e,t="info"){let n=++mr;gt.value=[...gt.value,{id:n,text:e,kind:t}],setTimeout(()=>Ia(n),t==="error"?8e3:4e3)}function Ia(e){gt.value=gt.value.filter(t=>t.id!==e)}function k(e,t){let n=e instanceof ft||e?.message?e.message:String(e),a=(e?.fields||[]).map(s=>s.message).filter(Boolean);a.length&&(n=a.join("; ")),C(t?`${t}: ${n}`:n,"error")}function Se(e){if(!e?.id)return;let t=K.value[e.id];if(t&&t.updated_at>e.updated_at)return;let n={...t,...e};if(e.status)for(let a of["snoozed_until","snoozed_until_reply","waiting_since"])a in e||delete n[a];K.value={...K.value,[e.id]:n}}var Ea=e=>e.status==="pending"||e.status==="assigned";async function ds(){pn.value=!0,Ho();try{let[e,t]=await Promise.all([v.agents().catch(()=>[]),v.inboxes().catch(()=>[]),nt("queue"),nt("mine"),nt("open")]);Ue(()=>{me.value=e,at.value=t})}finally{pn.value=!1}}var cn=null;function Na(){return cn||(cn=v.agents().then(e=>{me.value=e},()=>{}).finally(()=>{cn=null})),cn}var ue=A({});function ts(e,t){if(!e?.conversation_id||e.agent_id!==fe.value)return;let n=ue.value[e.conversation_id];if(t==="conversation.offered"&&e.state==="open"){if(n?.id===e.id||mn.has(e.id))return;let a=Date.parse(e.expires_at)-Date.parse(e.offered_at);ue.value={...ue.value,[e.conversation_id]:{...e,deadline:Date.now()+(a>0?a:0)}};let s=K.value[e.conversation_id];rn("Conversation offered to you",`${s?le(s.contact_id):"A visitor"} is waiting: accept or decline`,`/console/queue/${e.conversation_id}`);return}mn.add(e.id),n&&n.id===e.id&&Mt(e.conversation_id)}var mn=new Set;function Mt(e){let t=ue.value[e];if(!t)return;mn.add(t.id);let n={...ue.value};delete n[e],ue.value=n}async function hr(){try{let e=await v.myOffers(),t={};for(let n of e.items||[]){if(mn.has(n.id))continue;let a=ue.value[n.conversation_id];t[n.conversation_id]=a?.id===n.id?a:{...n,deadline:Date.parse(n.expires_at)},K.value[n.conversation_id]||v.conversation(n.conversation_id).then(s=>{Se(s),ge(s.contact_id)},()=>{})}ue.value=t}catch{}}async function ps(e,t){let n=t?"accept_offer":"decline_offer",a=null;try{a=(await xe({type:n,conversation_id:e}).catch(i=>{if(i?.code!=="unavailable")throw i;return v[t?"acceptOffer":"declineOffer"](e).then(r=>({conversation:r}))})).conversation||null,a&&Se(a)}catch(s){let i=s?.reason||"",r=i==="expired"?"The offer has expired.":i==="no_offer"?"The offer is no longer open.":null;r?C(r,"info"):k(s,t?"Could not accept the conversation":"Could not decline the conversation")}return Mt(e),a}function bn(){Bo(),ka.clear(),zt(),Ue(()=>{J.value=null,K.value={},pe.value={},re.value={},de.value={},G.value={},He.value={},ie.value={},ue.value={},Ce.value="",Me.value="",we.value=""})}function us(e){Ea(e)&&ha(e.id,Math.max(0,e.last_seq-1))}var hn=[],wa=new Set,Rt={},ba=0,Da=e=>we.value===e&&!document.hidden;function vn(e){for(let t of e)wa.has(t)||(wa.add(t),hn.push(t));for(;ba<4&&hn.length;)ba++,gr().finally(()=>{ba--})}async function gr(){for(;hn.length;){let e=hn.shift();wa.delete(e);let t=Rt[e]=(Rt[e]||0)+1;try{let n=await v.unread(e);Rt[e]===t&&!Da(e)&&(re.value={...re.value,[e]:n.count})}catch{}}}var ka=new Map,va=new Map;function ge(e,t=!1){if(!e)return;let n=ka.get(e);if(!(n!==void 0&&!t)){if(n!==void 0&&Date.now()-n<3e3){va.has(e)||va.set(e,setTimeout(()=>{va.delete(e),ge(e,!0)},3e3-(Date.now()-n)));return}ka.set(e,Date.now()),v.contact(e).then(a=>{de.value={...de.value,[e]:a}},()=>{de.value[e]||(de.value={...de.value,[e]:{id:e,missing:!0}})})}}var fs=e=>{let t=de.value[e];return!!t&&!t.missing&&!t.name};function le(e){let t=de.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function Be(e){return e?e===fe.value?"you":me.value.find(t=>t.id===e)?.name||"an agent":""}function be(e){let t=at.value.find(n=>n.id===e)?.name;return!t&&e&&br(),t||""}var ya=null,ns=0;function br(){ya||Date.now()-ns<1e4||(ya=v.inboxes().then(e=>{at.value=e},()=>{}).finally(()=>{ya=null,ns=Date.now()}))}function yn(e,t){let n=new Map(e.map(a=>[a.seq,a]));for(let a of t)n.set(a.seq,a);return[...n.values()].sort((a,s)=>a.seq-s.seq)}async function $n(e,t=0){we.value=e;let n=K.value[e];try{n||(n=await v.conversation(e),Se(n)),ge(n.contact_id,!0);let s=(await v.messages(e,{before_seq:n.last_seq+1,limit:50})).items||[];G.value={...G.value,[e]:yn(G.value[e]||[],s)};let i=s[s.length-1];i&&!(pe.value[e]?.seq>=i.seq)&&(pe.value={...pe.value,[e]:i}),He.value={...He.value,[e]:s.length>0&&s[0].seq>1&&s.length===50},ha(e,s.length?s[s.length-1].seq:n.last_seq),v.readStates(e).then(r=>{let l=(r.items||[]).find(p=>p.participant.type==="contact");l&&(ht.value={...ht.value,[e]:l.last_read_seq})}).catch(()=>{}),Lt(e);for(let r=0;t&&r<100;r++){let l=G.value[e]||[];if(!l.length||l[0].seq<=t||!He.value[e])break;await qa(e)}}catch(a){k(a,"Could not open the conversation")}}async function qa(e){let t=G.value[e]||[];if(t.length)try{let a=(await v.messages(e,{before_seq:t[0].seq,limit:50})).items||[];G.value={...G.value,[e]:yn(G.value[e]||[],a)},He.value={...He.value,[e]:a.length===50&&a[0].seq>1}}catch(n){k(n,"Could not load earlier messages")}}var $a={};function Lt(e){if(document.hidden||we.value!==e)return;let t=G.value[e]||[],n=K.value[e],a=Math.max(t.length?t[t.length-1].seq:0,n?.last_seq||0);a>0&&($a[e]||0)<a&&($a[e]=a,xe({type:"read",conversation_id:e,seq:a}).catch(()=>v.markRead(e,a)).catch(()=>{$a[e]=0})),Rt[e]=(Rt[e]||0)+1,re.value[e]&&(re.value={...re.value,[e]:0})}function Ra(e){let t=e.conversation_id;G.value[t]&&(G.value={...G.value,[t]:yn(G.value[t],[e])}),pe.value={...pe.value,[t]:e}}function vr(e){let t=e.message,n=e.conversation_id,a=K.value[n],s=a&&t.seq>a.last_seq,i=t.sender?.type==="agent"&&t.sender.id===fe.value;if(Ue(()=>{G.value[n]&&(G.value={...G.value,[n]:yn(G.value[n],[t])});let r=pe.value[n];if((!r||r.seq<=t.seq)&&(pe.value={...pe.value,[n]:t}),s&&(K.value={...K.value,[n]:{...a,last_seq:t.seq,updated_at:t.created_at>a.updated_at?t.created_at:a.updated_at}}),t.sender?.type==="contact"){let l={..._e.value};delete l[n],_e.value=l}}),a&&t.sender?.type==="contact"&&fs(a.contact_id)&&ge(a.contact_id,!0),!(!s||i||t.kind==="event")){if(Da(n)){Lt(n);return}re.value={...re.value,[n]:(re.value[n]||0)+1},vn([n]),a.status==="assigned"&&a.assignee_id===fe.value&&t.sender?.type==="contact"&&rn(`New message from ${le(a.contact_id)}`,t.body||"Sent a file",`/console/mine/${n}`)}}function as(e,t){let n=K.value[e.id];Se(e);let a=ue.value[e.id];a&&(e.status!=="pending"||e.queue_id&&e.queue_id!==a.queue_id)&&Mt(e.id),ge(e.contact_id,fs(e.contact_id)),Ea(e)&&!Ko(e.id)&&(us(e),vn([e.id])),t==="conversation.queued"&&(!n||n.status!=="pending")&&rn("New conversation waiting",`${le(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}We(e=>{switch(e.type){case"message":e.message&&vr(e);break;case"message.updated":case"message.deleted":e.message&&Ra(e.message);break;case"conversation":e.conversation&&as(e.conversation,e.event),e.offer&&ts(e.offer,e.event);break;case"event":e.event?.payload?.conversation&&as(e.event.payload.conversation,e.event.type),e.event?.payload?.offer&&ts(e.event.payload.offer,e.event.type);break;case"subscribed":if(e.conversation){let t=K.value[e.conversation.id]?.last_seq||0;Se(e.conversation),e.conversation.last_seq>t&&!Da(e.conversation.id)&&vn([e.conversation.id])}break;case"ready":hr();break;case"typing":(e.by?.type==="contact"||e.by?.id!==fe.value)&&(_e.value={..._e.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(ht.value={...ht.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&we.value&&Lt(we.value)});async function Pa(){try{let e=await I("/api/v1/me");if(e.kind!=="agent"){J.value=null;return}J.value=e}catch{J.value=null}finally{Ca.value=!0}}var Pt=A(null),xa=null;function ms(){Pt.value||xa||(xa=v.canned().then(e=>{Pt.value=e.items||[]},()=>{Pt.value=[]}).finally(()=>{xa=null}))}var je=A(null),_a=null;function xn(e=!1){je.value&&!e||_a||(_a=v.labels().then(t=>{je.value=t.items||[]},()=>{je.value||(je.value=[])}).finally(()=>{_a=null}))}var M="/console",_n=A(location.pathname),st=ae(()=>{let e=_n.value.slice(M.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="visitors"?{section:"visitors"}:e[0]==="admin"?{section:"admin",page:e[1]||"agents",id:e[2]||""}:e[0]==="reports"?{section:"reports"}:e[0]==="supervisor"?{section:"supervisor"}:e[0]==="search"?{section:"search",q:e[1]||"",conversation:e[2]||"",seq:Number(e[3])||0}:{section:"inbox",list:["queue","mine","open","snoozed","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function j(e,{replace:t=!1}={}){e!==_n.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),_n.value=e)}var oe=(e,t)=>`${M}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{_n.value=location.pathname});window.addEventListener("parley:navigate",e=>j(e.detail));var za=(e,t,n)=>`${M}/search/${encodeURIComponent(e)}${t?"/"+encodeURIComponent(t)+(n?"/"+n:""):""}`;var Te=A({}),vt=ae(()=>Te.value.product_name||"Parley");async function hs(){try{Te.value=await I("/api/v1/branding")}catch{}}qe(()=>{let e=Te.value;document.title=`${vt.value} console`;let t=document.documentElement.style;e.color?(t.setProperty("--accent",e.color),t.setProperty("--accent-hover",e.color)):(t.removeProperty("--accent"),t.removeProperty("--accent-hover"))});var Z=e=>({size:t=18}={})=>o`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,wn=Z(o`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),kn=Z(o`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),it=Z(o`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),Cn=Z(o`<path d="M20 6 9 17l-5-5"/>`),Sn=Z(o`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),Ma=Z(o`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Ot=Z(o`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),La=Z(o`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),gs=Z(o`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),Tn=Z(o`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),yt=Z(o`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),bs=Z(o`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),vs=Z(o`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),An=Z(o`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),ys=Z(o`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),$t=Z(o`<path d="M18 6 6 18M6 6l12 12"/>`),ve=Z(o`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),$s=Z(o`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),In=Z(o`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`),En=Z(o`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),Nn=()=>o`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function Dn(){let e=Te.value.logo_url;return o`${e?o`<img class="brand-logo" src=${e} alt="" data-brand-logo />`:o`<${Nn} />`}<span data-product-name>${vt.value}</span>`}var yr={oidc_state:"That sign-in expired or was started in another browser. Please try again.",oidc_unavailable:"The identity provider cannot be reached. Try again later.",oidc_id_token:"The identity provider’s answer could not be verified. Ask an administrator.",oidc_off:"Single sign-on is not set up for this workspace.",oidc_provider_error:"The identity provider did not sign you in.",no_account:"You have no account in this workspace yet. Ask an administrator to create yours.",no_role:"Your identity gives you no role in this workspace. Ask an administrator.",identity_invalid:"Your identity has no email address Parley can use, or is linked to another account.",unauthorized:"Your account cannot sign in. It may be disabled.",rate_limited:"Too many sign-ins from your address. Try again later."},Oa=null;function xs(e){Oa=e}function _s({onLoggedIn:e}){let t=new URLSearchParams(location.search),[n,a]=h(""),[s,i]=h(""),[r,l]=h(t.get("workspace")||""),[p,m]=h(!!t.get("workspace")),[c,f]=h(()=>{let x=t.get("signin_error");return x?yr[x]||"Single sign-on failed. Please try again.":""}),[d,u]=h(!1),[g,$]=h(null),[y]=h(()=>{let x=Oa;return Oa=null,x});_(()=>{let x=r.trim(),D=setTimeout(()=>{I("/api/v1/auth/options",x?{workspace:x}:void 0).then(te=>{$(te),Te.value=te.branding||{}}).catch(()=>$({password:"local",oidc:{}}))},x?300:0);return()=>clearTimeout(D)},[r]);async function b(x){x.preventDefault(),u(!0),f("");try{await Fo(n.trim(),s,r.trim()),await e()}catch(D){f(D.status===401?"The email or password is not right.":D.message),u(!1)}}let w=Te.value,T=g?.password!=="off",E=g?.oidc?.enabled;return o`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${b} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${Dn} /></div>
        <h1 id="login-title">${w.sign_in_title||`Sign in to ${vt.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${y&&o`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${vt.value}.
          ${y.endSessionURL&&o` <a href=${y.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${c&&o`<div class="form-error" role="alert" id="login-error">${c}</div>`}
        ${E&&o`
          <a class="button primary block sso-button" id="sso-button" href=${g.oidc.start_url}>${g.oidc.button_label}</a>
          ${T&&o`<div class="login-or" aria-hidden="true"><span>or</span></div>`}`}
        ${T&&o`
          <label class="field">
            <span>Email</span>
            <input type="email" name="email" autocomplete="username" required autofocus
              value=${n} onInput=${x=>a(x.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password</span>
            <input type="password" name="password" autocomplete="current-password" required
              value=${s} onInput=${x=>i(x.currentTarget.value)} />
          </label>`}
        ${p?o`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${r} placeholder="default"
              onInput=${x=>l(x.currentTarget.value)} />
          </label>`:o`
          <button type="button" class="link-button" onClick=${()=>m(!0)}>Sign in to another workspace</button>`}
        ${T&&o`
          <button type="submit" class=${"button block"+(E?"":" primary")} disabled=${d||!n||!s}>
            ${d?"Signing in…":"Sign in"}
          </button>`}
        ${g&&!T&&!E&&o`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`}var $r=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],xr=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function L(e,t=Date.now()){if(!e)return"";let n=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(n)<45)return"now";for(let[a,s]of $r)if(Math.abs(n)>=s||a==="minute")return xr.format(Math.round(n/s),a);return""}function Ua(e){let t=new Date(e),n=new Date,a={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==n.toDateString()&&Object.assign(a,{month:"short",day:"numeric"}),t.toLocaleString(void 0,a)}var X=e=>e?new Date(e).toLocaleString():"";function qn(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function ws(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function ks(e){let t=0;for(let n of e||"")t=(t*31+n.charCodeAt(0))%360;return t}function Ve(e=3e4){let[t,n]=h(Date.now());return _(()=>{let a=setInterval(()=>n(Date.now()),e);return()=>clearInterval(a)},[e]),t}function Ae({id:e,name:t,size:n="md",url:a}){return a?o`<img class=${`avatar avatar-${n} avatar-img`} src=${a} alt="" referrerpolicy="no-referrer" />`:o`<span class=${`avatar avatar-${n} av-${ks(e)%8}`} aria-hidden="true">${ws(t)}</span>`}var Ut={queue:"Queue",mine:"Mine",open:"All open",snoozed:"Snoozed",resolved:"Resolved"};var _r={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",wn],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",kn],open:["No open conversations","Every conversation is resolved. Nice work.",it],snoozed:["Nothing snoozed","Snoozed conversations wait here until their time comes or the visitor writes.",In],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",Cn]};function Cs({list:e,items:t,loading:n,selected:a}){Ve();let[s,i,r]=_r[e],l=rs(e);return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${Ut[e]}</h1>
        <span class="muted small" aria-live="polite">${n?"":`${t.length}${l?"+":""} conversation${t.length===1&&!l?"":"s"}`}</span>
      </header>
      <${wr} />
      ${n&&!t.length?o`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(p=>o`<li key=${p} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?o`
        <ul class="conv-list" aria-label=${Ut[e]+" conversations"}>
          ${t.map(p=>o`<${Cr} key=${p.id} c=${p} list=${e} selected=${p.id===a} />`)}
          ${l&&o`<${kr} list=${e} count=${t.length} />`}
        </ul>`:o`
        <div class="empty small-empty">
          <div class="empty-icon"><${r} size=${22} /></div>
          <h2>${s}</h2>
          <p class="muted">${i}</p>
        </div>`}
    </section>`}var Wa={0:"None",1:"Low",2:"High",3:"Urgent"};function wr(){_(()=>{xn()},[]);let e=je.value||[];return o`
    <div class="list-filter">
      ${(e.length>0||Ce.value)&&o`
        <label for="label-filter" class="muted small">Label</label>
        <select id="label-filter" class="select small" value=${Ce.value}
          onChange=${t=>{Ce.value=t.currentTarget.value}}>
          <option value="">Any label</option>
          ${e.map(t=>o`<option value=${t.id}>${t.name}</option>`)}
        </select>`}
      <label for="priority-filter" class="muted small">Priority</label>
      <select id="priority-filter" class="select small" value=${Me.value}
        onChange=${t=>{Me.value=t.currentTarget.value}}>
        <option value="">Any</option>
        <option value="urgent">Urgent</option>
        <option value="high,urgent">High or urgent</option>
        <option value="low">Low</option>
        <option value="none">None</option>
      </select>
    </div>`}function kr({list:e,count:t}){let n=W(null),a=!!ie.value[e]?.loading;return _(()=>{let s=n.current;if(!s||a||typeof IntersectionObserver>"u")return;let i=new IntersectionObserver(r=>{r.some(l=>l.isIntersecting)&&nt(e)},{rootMargin:"400px 0px"});return i.observe(s),()=>i.disconnect()},[e,t,a]),o`
    <li class="conv-more" ref=${n}>
      <button type="button" class="button ghost small block" onClick=${()=>nt(e)} disabled=${a}
        aria-busy=${a?"true":void 0}>${a?"Loading…":"Load more conversations"}</button>
    </li>`}function Cr({c:e,list:t,selected:n}){ge(e.contact_id);let a=le(e.contact_id),s=pe.value[e.id],i=re.value[e.id]||0,r=_e.value[e.id]&&Date.now()-_e.value[e.id].at<5e3&&_e.value[e.id].by?.type==="contact",l="No messages yet";r?l="typing…":s&&(l=(s.sender?.type==="contact"?"":s.kind==="note"?"Note: ":"You: ")+(s.deleted_at?"Message deleted":s.body||(s.attachments?.length?`📎 ${s.attachments[0].name}`:"")));let p=oe(t,e.id),m=[be(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+Be(e.assignee_id):"",e.outside_hours&&e.status!=="resolved"?"outside hours":""].filter(Boolean).join(" · "),c=e.priority>=2&&(Wa[e.priority]||"Priority "+e.priority);return o`
    <li>
      <a href=${p} class=${"conv-item"+(n?" selected":"")+(i?" has-unread":"")}
        aria-current=${n?"true":void 0} data-conversation=${e.id}
        onClick=${f=>{!f.metaKey&&!f.ctrlKey&&(f.preventDefault(),j(p))}}>
        <${Ae} id=${e.contact_id} name=${a} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${a}</span>
            <time class="conv-time" datetime=${e.updated_at}>${L(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(r?" typing":"")}>${l}</span>
            ${i>0&&o`<span class="badge badge-accent unread-badge" aria-label=${i+" unread"}>${i}</span>`}
          </span>
          ${(m||c)&&o`<span class="conv-meta">${c&&o`<span class=${"prio prio-"+e.priority}>${c}</span> `}${m}</span>`}
        </span>
      </a>
    </li>`}var Ss=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function Ts({conv:e}){let[t,n]=h("reply"),[a,s]=h(""),[i,r]=h([]),[l,p]=h(0),[m,c]=h(!1),f=W(null),d=W(null),u=W(0),g=W(Ss()),[$,y]=h(0),[b,w]=h(0),[T,E]=h("");if(_(()=>{let S=O=>{(O.detail==="reply"||O.detail==="note")&&(n(O.detail),f.current?.focus())};return window.addEventListener("parley:command",S),()=>window.removeEventListener("parley:command",S)},[]),e.status==="resolved")return o`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let x=t==="note",D=/(^|\s)\/([a-z0-9_-]*)$/.exec(a.slice(0,$)),te=D?D[2]:null;te!==null&&ms();let ne=te===null||T===a?[]:(Pt.value||[]).filter(S=>S.shortcut.startsWith(te)||S.title.toLowerCase().includes(te)).slice(0,8),R=ne.length>0,z=Math.min(b,ne.length-1);async function se(S){let O=$-te.length-1,ce=S.body;try{ce=(await v.renderCanned(S.id,e.id)).text}catch(_t){k(_t,"Could not fill in the canned response")}let Vn=a.slice(0,O)+ce+a.slice($);s(Vn);let Kn=O+ce.length;y(Kn),w(0),requestAnimationFrame(()=>{let _t=f.current;_t&&(_t.focus(),_t.setSelectionRange(Kn,Kn))})}let H=!m&&l===0&&(a.trim()||!x&&i.length);async function Y(){if(!H)return;c(!0);let S={client_id:g.current,body:a.trim()};x?S.kind="note":i.length&&(S.kind="attachment",S.attachment_ids=i.map(O=>O.id));try{let O=await v.send(e.id,S);Ra(O),s(""),r([]),g.current=Ss(),Lt(e.id),f.current?.focus()}catch(O){k(O,x?"The note was not saved":"The message was not sent")}finally{c(!1)}}async function Oi(S){for(let O of S){p(ce=>ce+1);try{let ce=await v.upload(e.id,O);r(Vn=>[...Vn,ce])}catch(ce){k(ce,`Could not upload ${O.name}`)}finally{p(ce=>ce-1)}}}function Ui(S){s(S.currentTarget.value),y(S.currentTarget.selectionStart),w(0);let O=Date.now();O-u.current>1500&&(u.current=O,Yo(e.id,x))}function Wi(S){if(R&&!S.isComposing){let O={ArrowDown:1,ArrowUp:-1};if(O[S.key]){S.preventDefault(),w((z+O[S.key]+ne.length)%ne.length);return}if(S.key==="Enter"||S.key==="Tab"){S.preventDefault(),se(ne[z]);return}if(S.key==="Escape"){S.preventDefault(),S.stopPropagation(),E(a);return}}S.key==="Enter"&&!S.shiftKey&&!S.isComposing&&(S.preventDefault(),Y())}return o`
    <form class=${"composer"+(x?" composer-note":"")} onSubmit=${S=>{S.preventDefault(),Y()}}
      aria-label=${x?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&o`
        <div class="composer-hint">This conversation is waiting in the queue.${" "}<button type="button" class="link-button"
          onClick=${()=>Rn(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(x?"":" active")} aria-pressed=${!x} onClick=${()=>{n("reply"),f.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(x?" active":"")} aria-pressed=${x} onClick=${()=>{n("note"),f.current?.focus()}}
          aria-keyshortcuts="n"><${yt} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${x?"Private note, only agents see it":"Reply"}</label>
      ${R&&o`
        <ul class="canned-list" id="canned-list" role="listbox" aria-label="Canned responses">
          ${ne.map((S,O)=>o`
            <li id=${"canned-"+S.id} role="option" aria-selected=${O===z?"true":"false"} data-shortcut=${S.shortcut}
              class=${"canned-option"+(O===z?" active":"")}
              onMouseDown=${ce=>{ce.preventDefault(),se(S)}}>
              <span class="canned-shortcut">/${S.shortcut}</span> <span class="canned-title">${S.title}</span>
              <span class="canned-body muted">${S.body}</span>
            </li>`)}
        </ul>`}
      <textarea id="composer-text" ref=${f} rows="3" value=${a} onInput=${Ui} onKeyDown=${Wi}
        onKeyUp=${S=>y(S.currentTarget.selectionStart)} onClick=${S=>y(S.currentTarget.selectionStart)}
        aria-autocomplete="list" aria-controls=${R?"canned-list":void 0}
        aria-activedescendant=${R?"canned-"+ne[z].id:void 0}
        aria-describedby="composer-canned-tip"
        placeholder=${x?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      <span id="composer-canned-tip" class="sr-only">Type / and a shortcut to insert a canned response.</span>
      ${(i.length>0||l>0)&&o`
        <ul class="staged" aria-label="Files to send">
          ${i.map(S=>o`<li class="chip">${S.name} <span class="muted">${qn(S.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+S.name}
              onClick=${()=>r(i.filter(O=>O.id!==S.id))}><${$t} size=${14} /></button></li>`)}
          ${l>0&&o`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${d} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${S=>{Oi([...S.currentTarget.files]),S.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${x}
          title=${x?"Notes cannot carry files":"Attach a file"} onClick=${()=>d.current?.click()}><${gs} /></button>
        <span class="muted small composer-tip">${x?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(x?"note":"primary")} disabled=${!H}>
          <${Tn} size=${16} /> ${x?"Add note":"Send"}
        </button>
      </div>
    </form>`}function As({conv:e}){let[t,n]=h(null),a=e.status==="resolved";return _(()=>{if(n(null),!a)return;let s=!0;I(`/api/v1/conversations/${encodeURIComponent(e.id)}/rating`).then(r=>s&&r.rated&&n(r),()=>{});let i=We(r=>{r.type==="event"&&r.event?.type==="conversation.rated"&&r.event.payload?.rating?.conversation_id===e.id&&n(r.event.payload.rating)});return()=>{s=!1,i()}},[e.id,a]),t?o`
    <div class="csat" data-score=${t.score}>
      <span class="csat-score" aria-label=${`Rated ${t.score} out of 5 by the visitor`} title="The visitor's rating">
        <span aria-hidden="true">${"★".repeat(t.score)}${"☆".repeat(5-t.score)}</span> ${t.score}/5</span>
      ${t.comment&&o`<q class="csat-comment">${t.comment}</q>`}
    </div>`:null}var Sr={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function zn({conv:e,list:t,target:n=0}){let a=le(e.contact_id);return Ir(e),o`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${a}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${Sr[e.status]}</span>
            ${e.assignee_id&&o`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${Be(e.assignee_id)}</span>`}
            ${be(e.inbox_id)&&o`<span class="muted small">· ${be(e.inbox_id)}</span>`}
            ${tt(e)&&o`<span class="badge snoozed-badge" data-snoozed="true">${e.snoozed_until_reply?"Snoozed until the visitor writes":`Snoozed until ${X(e.snoozed_until)}`}</span>`}
            ${e.outside_hours&&o`<span class="badge outside-hours-badge" data-outside-hours="true"
              title="The visitor wrote while the queue was outside its business hours">Left outside business hours</span>`}
          </div>
          <${Mr} conv=${e} />
          <${As} conv=${e} />
        </div>
        <${Nr} conv=${e} />
      </header>
      <${Dr} conv=${e} target=${n} />
      <${zr} id=${e.id} name=${a} />
      <${Ts} conv=${e} />
    </div>`}async function Ie(e,t){try{let n=await t();return n&&Se(n),n}catch(n){return n.status===409?k(n,`Could not ${e}, the conversation changed meanwhile`):k(n,`Could not ${e}`),null}}var Rn=e=>Ie("take it",()=>v.assign(e.id)).then(t=>t&&C("You took the conversation.","success")),Es=e=>Ie("resolve it",()=>v.resolve(e.id)).then(t=>t&&C("Conversation resolved.","success")),Tr=e=>Ie("reopen it",()=>v.reopen(e.id)).then(t=>t&&C("Conversation reopened.","success"));function Ar(e,t){let n;return t==="1h"||t==="4h"?n=new Date(Date.now()+parseInt(t,10)*36e5):t==="tomorrow"&&(n=new Date,n.setDate(n.getDate()+1),n.setHours(9,0,0,0)),Ie("snooze it",()=>v.snooze(e.id,n?n.toISOString():void 0)).then(a=>a&&C(t==="reply"?"Snoozed until the visitor writes.":`Snoozed until ${X(a.snoozed_until)}.`,"success"))}function Ir(e){_(()=>{let t=n=>{n.detail==="take"&&e.status==="pending"&&Rn(e),n.detail==="resolve"&&e.status!=="resolved"&&Es(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function Er({conv:e}){_(os,[]);let t=gn.value,n=(t?.queues||[]).filter(i=>i.id!==e.queue_id),a=t?.teams||[];if(!n.length&&!a.length)return null;function s(i){let[r,l]=[i.slice(0,2),i.slice(2)],p=r==="q:"?n.find(m=>m.id===l)?.name:a.find(m=>m.id===l)?.name;Ie("move it",()=>v.moveToQueue(e.id,r==="q:"?{queue_id:l}:{team_id:l})).then(m=>m&&C(r==="q:"?`Moved to the queue ${p}.`:`Moved to the team ${p}.`,"success"))}return o`
    <select class="select small" aria-label="Transfer to a queue or team" value=""
      onChange=${i=>{let r=i.currentTarget.value;i.currentTarget.value="",r&&s(r)}}>
      <option value="">To a queue or team…</option>
      ${n.length>0&&o`<optgroup label="Queues">${n.map(i=>o`<option value=${"q:"+i.id}>${i.name}</option>`)}</optgroup>`}
      ${a.length>0&&o`<optgroup label="Teams">${a.map(i=>o`<option value=${"t:"+i.id}>${i.name}</option>`)}</optgroup>`}
    </select>`}function Nr({conv:e}){let t=fe.value,n=ke.value==="admin"||ke.value==="supervisor",a=me.value.filter(l=>!l.disabled&&!l.bot&&l.id!==e.assignee_id),s=l=>l.load==null?"":` — ${l.load}${l.capacity?"/"+l.capacity:""} open`,i=n||e.assignee_id===t;_(()=>{i&&e.status!=="resolved"&&Na()},[e.id,e.status]);let r=(l,p)=>o`
    <select class="select small agent-menu" aria-label=${l} value="" onFocus=${Na}
      onChange=${m=>{let c=m.currentTarget.value;m.currentTarget.value="",c&&p(c)}}>
      <option value="">${l}…</option>
      ${a.map(m=>o`<option value=${m.id} data-load=${m.load}>${m.name}${m.id===t?" (you)":""}${s(m)}</option>`)}
    </select>`;return o`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&o`
        <button type="button" class="button primary" onClick=${()=>Rn(e)} aria-keyshortcuts="t">Take</button>
        ${n&&r("Assign to",l=>Ie("assign it",()=>v.assign(e.id,l)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||n)&&o`
        ${r("Transfer to",l=>Ie("transfer it",()=>v.transfer(e.id,e.assignee_id,l)).then(p=>p&&C(`Transferred to ${Be(l)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Ie("put it back",()=>v.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${(e.status==="pending"||e.status==="assigned"&&(e.assignee_id===t||n))&&o`<${Er} conv=${e} />`}
      ${e.status!=="resolved"&&(e.status!=="assigned"||e.assignee_id===t||n)&&o`
        <select class="select small" aria-label="Priority" value=${String(e.priority||0)}
          onChange=${l=>{let p=l.currentTarget.value;Ie("set the priority",()=>v.setPriority(e.id,p))}}>
          ${(e.priority>3?[[e.priority,"Priority "+e.priority]]:[]).concat([[0,"No priority"],[1,"Low"],[2,"High"],[3,"Urgent"]]).map(([l,p])=>o`<option value=${String(l)}>${p}</option>`)}
        </select>
        ${tt(e)?o`<button type="button" class="button" onClick=${()=>Ie("unsnooze it",()=>v.unsnooze(e.id))}>Unsnooze</button>`:o`
            <select class="select small" aria-label="Snooze" value=""
              onChange=${l=>{let p=l.currentTarget.value;l.currentTarget.value="",p&&Ar(e,p)}}>
              <option value="">Snooze…</option>
              <option value="reply">Until the visitor writes</option>
              <option value="1h">For an hour</option>
              <option value="4h">For 4 hours</option>
              <option value="tomorrow">Until tomorrow, 9:00</option>
            </select>`}`}
      ${e.status!=="resolved"?o`<button type="button" class="button success" onClick=${()=>Es(e)} aria-keyshortcuts="e">Resolve</button>`:o`<button type="button" class="button" onClick=${()=>Tr(e)}>Reopen</button>`}
    </div>`}function Dr({conv:e,target:t}){let n=G.value[e.id],a=W(null),s=W(!t),i=W(0),r=n?.length?n[n.length-1].seq:0,l=n?.length?n[0].seq:0;if(Ao(()=>{let c=a.current;if(!c)return;let f=t&&i.current!==t&&c.querySelector(`[data-seq="${t}"]`);if(f){i.current=t,s.current=!1,f.scrollIntoView({block:"center"});return}s.current&&(c.scrollTop=c.scrollHeight)},[r,l,e.id,t]),!n)return o`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let p=ht.value[e.id]||0,m=-1;return n.forEach((c,f)=>{c.sender?.type!=="contact"&&c.kind!=="note"&&c.kind!=="event"&&(m=f)}),o`
    <div class="messages" ref=${a} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${c=>{let f=c.currentTarget;s.current=f.scrollHeight-f.scrollTop-f.clientHeight<80}}>
      ${He.value[e.id]&&o`<button type="button" class="button ghost small load-earlier" onClick=${()=>qa(e.id)}>Load earlier messages</button>`}
      ${!n.length&&o`<p class="muted center">No messages yet.</p>`}
      ${n.map((c,f)=>o`<${Pr} key=${c.seq} m=${c} conv=${e} prev=${n[f-1]}
        seen=${f===m&&p>=c.seq} target=${c.seq===t} />`)}
    </div>`}var Pn=A(null),Is=!1;function qr(e){return ke.value!=="admin"?"an app":(!Pn.value&&!Is&&(Is=!0,v.apps().then(t=>{Pn.value=Object.fromEntries(t.map(n=>[n.id,n.name]))}).catch(()=>{Pn.value={}})),Pn.value?.[e]||"an app")}function Rr(e,t){let n=e.sender||{};return n.display_name?n.display_name:n.type==="contact"?le(t.contact_id):n.type==="agent"||n.type==="bot"?n.id===fe.value?"You":me.value.find(a=>a.id===n.id)?.name||"Agent":"System"}function Pr({m:e,conv:t,prev:n,seen:a,target:s}){if(e.kind==="event")return o`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${Ua(e.created_at)}</time></div>`;let i=e.sender?.type==="contact",r=e.kind==="note",l=n&&n.kind===e.kind&&n.sender?.type===e.sender?.type&&n.sender?.id===e.sender?.id&&n.sender?.display_name===e.sender?.display_name&&new Date(e.created_at)-new Date(n.created_at)<300*1e3,p=Rr(e,t),m=["msg",i?"msg-in":"msg-out",r?"msg-note":"",l?"grouped":"",e.deleted_at?"deleted":"",s?"msg-target":""].filter(Boolean).join(" ");return o`
    <article class=${m} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(r?"Private note by ":"Message from ")+p}
      aria-current=${s?"true":void 0}>
      ${!l&&o`
        <div class="msg-head">
          ${i&&o`<${Ae} id=${t.contact_id} name=${p} size="sm" />`}
          ${e.sender?.avatar_url?.startsWith("/avatars/")&&o`<img class="msg-avatar" src=${e.sender.avatar_url} alt=${p} referrerpolicy="no-referrer" width="20" height="20" />`}
          <span class="msg-name">${p}</span>
          ${e.app_id&&o`<span class="msg-via muted small">via ${qr(e.app_id)}</span>`}
          <time datetime=${e.created_at} title=${X(e.created_at)}>${Ua(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${r&&o`<div class="note-label"><${yt} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?o`<p class="msg-body muted">This message was deleted.</p>`:e.body&&o`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&o`
          <ul class="attachments">
            ${e.attachments.map(c=>o`
              <li><a class="attachment" href=${v.attachmentURL(c.id)} download=${c.name}>
                <${ys} size=${16} /><span class="attachment-name">${c.name}</span><span class="muted">${qn(c.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&o`<span class="muted small">(edited)</span>`}
      </div>
      ${a&&o`<div class="msg-seen">Seen</div>`}
    </article>`}function zr({id:e,name:t}){Ve(1e3);let n=_e.value[e],a=n&&Date.now()-n.at<5e3,s="";return a&&(s=n.by?.type==="contact"?`${t} is typing…`:`${Be(n.by?.id)||"An agent"} is typing${n.note?" a note":""}…`),o`<div class="typing" aria-live="polite">${a&&o`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${s}`}</div>`}function Mr({conv:e}){let[t,n]=h(null),[a,s]=h("");if(_(()=>{xn();let c=!0;return v.conversationLabels(e.id).then(f=>c&&n(f.items||[]),()=>c&&n([])),()=>{c=!1}},[e.id]),t===null)return null;let i=je.value||[],r=new Set(t.map(c=>c.id)),l=i.filter(c=>!r.has(c.id)),p=async c=>{let f=i.find(d=>d.id===c);try{await v.addLabel(e.id,c),n(d=>d.some(u=>u.id===c)?d:[...d,f]),Aa(e.id,c,!0),s(`Label ${f.name} added.`)}catch(d){k(d,"Could not add the label")}},m=async c=>{try{await v.removeLabel(e.id,c.id),n(f=>f.filter(d=>d.id!==c.id)),Aa(e.id,c.id,!1),s(`Label ${c.name} removed.`),document.getElementById("add-label")?.focus()}catch(f){k(f,"Could not remove the label")}};return o`
    <div class="conv-labels" role="group" aria-label="Labels">
      ${t.length>0&&o`
        <ul class="label-chips" aria-label="Labels of this conversation">
          ${t.map(c=>o`
            <li class="label-chip" data-label=${c.name}>
              <span class="label-dot" style=${{background:c.color}} aria-hidden="true"></span>${c.name}
              <button type="button" class="icon-button label-remove" aria-label=${"Remove label "+c.name}
                onClick=${()=>m(c)}><${$t} size=${12} /></button>
            </li>`)}
        </ul>`}
      ${l.length>0&&o`
        <select id="add-label" class="select small" aria-label="Add a label" aria-keyshortcuts="l" value=""
          onChange=${c=>{let f=c.currentTarget.value;c.currentTarget.value="",f&&p(f)}}>
          <option value="">Add label…</option>
          ${l.map(c=>o`<option value=${c.id}>${c.name}</option>`)}
        </select>`}
      <span class="sr-only" role="status">${a}</span>
    </div>`}var Fa=864e5;function Ns(e){return e.toISOString().slice(0,10)}function Lr(){let e=new Date;return{from:Ns(new Date(e.getTime()-6*Fa)),to:Ns(e)}}function Or(e){let t=new Date(Date.parse(e.to+"T00:00:00Z")+Fa);return{start:e.from+"T00:00:00Z",end:t.toISOString().replace(".000Z","Z")}}function Ds({conv:e}){let[t,n]=h(Lr),[a,s]=h(null),[i,r]=h({}),[l,p]=h("");return _(()=>{let c=!0;return s(null),r({}),p(""),v.contextEndpoints().then(f=>c&&s(f.filter(d=>!d.inbox_id||d.inbox_id===e.inbox_id))).catch(()=>c&&s("all")),()=>{c=!1}},[e.id]),_(()=>{if(!a)return;let c=!0,f=Or(t),d=u=>c&&r(g=>{let $={...g};for(let y of u)$[y.endpoint_id]=y;return $});if(a==="all")v.context(e.id,f).then(u=>d(u.items)).catch(u=>c&&p(u.message));else for(let u of a)v.context(e.id,{...f,endpoint_id:u.id}).then(g=>d(g.items)).catch(g=>d([{endpoint_id:u.id,title:u.title,statistics:u.statistics,entries:[],error:{reason:"",message:g.message}}]));return()=>{c=!1}},[e.id,a,t.from,t.to]),a===null?o`<div class="spinner small" role="status" aria-label="Loading customer data"></div>`:l?o`<p class="muted small">Customer data is not available: ${l}</p>`:(a==="all"?Object.values(i):a.map(c=>i[c.id]||{endpoint_id:c.id,title:c.title,statistics:c.statistics,loading:!0})).map(c=>o`<${Ur} key=${c.endpoint_id} item=${c} range=${t} setRange=${n} />`)}function Ur({item:e,range:t,setRange:n}){let a="ctx-"+e.endpoint_id;return o`
    <section class="panel-section ctx-section" aria-labelledby=${a} data-context-endpoint=${e.endpoint_id}>
      <h3 id=${a}>${e.title}</h3>
      ${e.statistics&&o`<${Hr} id=${e.endpoint_id} range=${t} setRange=${n} />`}
      ${e.loading?o`<div class="spinner small" role="status" aria-label=${"Loading "+e.title}></div>`:e.error?o`<p class="ctx-error" data-reason=${e.error.reason}>${e.error.message}</p>`:e.entries.length===0?o`<p class="muted small">Nothing to show.</p>`:Wr(e.entries).map((s,i)=>o`<${Fr} key=${i} group=${s} id=${a+"-"+i} />`)}
    </section>`}function Wr(e){let t=[];for(let n of e){let a=t[t.length-1];n.type==="text"&&a?.type==="text"?a.rows.push(n):t.push(n.type==="text"?{type:"text",rows:[n]}:n)}return t}function Fr({group:e,id:t}){switch(e.type){case"text":return o`<dl class="props">${e.rows.map(n=>o`<dt>${n.label}</dt><dd>${n.text}</dd>`)}</dl>`;case"links":{let n=e.links||[];return o`<div class="ctx-block">
        <h4 id=${t}>${e.label}</h4>
        ${n.length===0?o`<p class="muted small">None.</p>`:o`
          <ul class="ctx-links" aria-labelledby=${t}>
            ${n.map(a=>o`<li><a href=${a.url} target="_blank" rel="noopener noreferrer">${a.label}</a></li>`)}
          </ul>`}
      </div>`}case"series":return o`<${jr} label=${e.label} points=${e.points||[]} id=${t} />`}return null}var Mn=new Intl.NumberFormat(void 0,{maximumFractionDigits:2});function jr({label:e,points:t,id:n}){let r=t.map(g=>g.y),l=Math.max(0,...r),p=Math.min(0,...r),m=l-p||1,c=g=>2+80*(l-g)/m,f=t.length?260/t.length:260,d=Math.max(1,f*.7),u=t.length===0?`${e}: no data`:`${e}: ${t.length} values from ${t[0].x} to ${t[t.length-1].x}, lowest ${Mn.format(Math.min(...r))}, highest ${Mn.format(Math.max(...r))}`;return o`<figure class="ctx-chart">
    <figcaption id=${n}>${e}</figcaption>
    <svg viewBox=${"0 0 260 84"} width="100%" height=${84} role="img" aria-label=${u} preserveAspectRatio="none">
      <line x1="0" x2=${260} y1=${c(0)} y2=${c(0)} class="ctx-axis" />
      ${t.map((g,$)=>o`<rect x=${$*f+(f-d)/2} width=${d}
        y=${Math.min(c(g.y),c(0))} height=${Math.max(1,Math.abs(c(g.y)-c(0)))} class="ctx-bar"><title>${g.x}: ${Mn.format(g.y)}</title></rect>`)}
    </svg>
    <details>
      <summary>Show numbers</summary>
      <table class="ctx-table" aria-labelledby=${n}>
        <thead><tr><th scope="col">When</th><th scope="col">Value</th></tr></thead>
        <tbody>${t.map(g=>o`<tr><td>${g.x}</td><td>${Mn.format(g.y)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`}function Hr({id:e,range:t,setRange:n}){let[a,s]=h(t.from),[i,r]=h(t.to),[l,p]=h("");return _(()=>{s(t.from),r(t.to)},[t.from,t.to]),o`<form class="ctx-range" onSubmit=${c=>{if(c.preventDefault(),!a||!i)return p("Choose both days.");if(a>i)return p("The first day must not be after the last.");if(Date.parse(i)-Date.parse(a)>365*Fa)return p("Choose at most a year.");p(""),n({from:a,to:i})}} aria-label="Date range">
    <label for=${"from-"+e}>From</label>
    <input id=${"from-"+e} type="date" value=${a} max=${i} onInput=${c=>s(c.target.value)} />
    <label for=${"to-"+e}>To</label>
    <input id=${"to-"+e} type="date" value=${i} min=${a} onInput=${c=>r(c.target.value)} />
    <button class="button small" type="submit">Show</button>
    ${l&&o`<p class="ctx-error" role="alert">${l}</p>`}
  </form>`}function qs(){let[e,t]=h(!0),[n,a]=h(!1),s=()=>v.agents().then(r=>{me.value=r}).catch(r=>k(r,"Could not load agents")).finally(()=>t(!1));_(()=>{s()},[]);async function i(r){if(!(!r.disabled&&!confirm(`Disable ${r.name}? They are signed out and cannot sign in until enabled again.`)))try{await v.updateAgent(r.id,{disabled:!r.disabled}),C(`${r.name} is ${r.disabled?"enabled":"disabled"}.`,"success"),s()}catch(l){k(l)}}return o`
    <${P} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>Add agent</button>
    <//>
    ${n&&o`<${Br} onDone=${()=>{a(!1),s()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading agents"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${me.value.map(r=>o`
              <tr key=${r.id} data-agent=${r.email}>
                <td><div class="cell-person"><${Ae} id=${r.id} name=${r.name} url=${r.avatar_url} size="sm" />
                  <div><div class="strong">${r.name}${r.id===fe.value?" (you)":""}</div><div class="muted small">${r.email}</div></div></div></td>
                <td><span class=${"role role-"+r.role}>${r.role}</span>${r.bot?o` <span class="tag">bot</span>`:""}</td>
                <td>${r.disabled?o`<span class="tag tag-muted">disabled</span>`:o`<span class=${"presence-label p-"+(r.presence||"offline")}><span class=${"presence-dot p-"+(r.presence||"offline")} aria-hidden="true"></span>${r.presence||"offline"}</span>`}</td>
                <td class="agent-capacity">${r.bot?"—":r.capacity?`${r.capacity} at once`:"No limit"}</td>
                <td class="muted">${L(r.created_at)}</td>
                <td class="right">${r.id!==fe.value&&o`<button type="button" class="button small ghost" onClick=${()=>i(r)}>${r.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function Br({onDone:e}){let[t,n]=h({name:"",email:"",role:"agent",password:"",avatar_url:"",capacity:"0"}),[a,s]=h(null),[i,r]=h(!1),l=m=>c=>n({...t,[m]:c.currentTarget.value});async function p(m){m.preventDefault(),r(!0);try{await v.createAgent({...t,capacity:Number(t.capacity)||0}),C(`${t.name} can now sign in.`,"success"),e()}catch(c){s(c)}finally{r(!1)}}return o`
    <form class="card form-grid" onSubmit=${p} aria-label="New agent">
      <${U} error=${a} />
      <label class="field"><span>Name</span><input required value=${t.name} onInput=${l("name")} /></label>
      <label class="field"><span>Email</span><input type="email" required value=${t.email} onInput=${l("email")} /></label>
      <label class="field"><span>Role</span>
        <select value=${t.role} onChange=${l("role")}>
          <option value="agent">Agent — answers conversations</option>
          <option value="supervisor">Supervisor — also sees the audit log</option>
          <option value="admin">Admin — manages the workspace</option>
        </select></label>
      <label class="field"><span>Picture URL <span class="muted small">(optional)</span></span><input type="url" pattern="https://.*" value=${t.avatar_url} onInput=${l("avatar_url")} placeholder="https://…" />
        <small class="muted">Shown to visitors with the agent's name.</small></label>
      <label class="field"><span>Capacity</span><input type="number" name="capacity" min="0" step="1" value=${t.capacity} onInput=${l("capacity")} aria-describedby="agent-cap-help" />
        <small id="agent-cap-help" class="muted">How many conversations they may hold at once; 0 for no limit. A queue may set its own.</small></label>
      <label class="field"><span>Password</span><input type="password" autocomplete="new-password" minlength="10" required value=${t.password} onInput=${l("password")} />
        <small class="muted">At least 10 characters. Share it with them safely.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${i}>Create agent</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}var ja={en:{open:"Open chat",close:"Close chat",unread:e=>e+(e===1?" unread message":" unread messages"),online:"We usually reply in a few minutes",offline:"We are away right now.",placeholder:"Write a message…",send:"Send",attach:"Attach a file",typing:"Support is typing…",seen:"Seen",sending:"Sending…",failed:"Not sent yet",connecting:"Connecting…",reconnecting:"Connection lost. Reconnecting…",conversations:"Your conversations",newConversation:"New conversation",back:"Back to your conversations",noConversations:"No conversations yet.",you:"You",agent:"Support",resolved:"Resolved",start:"Start the conversation",prechatIntro:"Tell us who you are, so that we can get back to you.",name:"Name",email:"Email",fileTooLarge:"This file is too large.",fileType:"This type of file is not accepted.",error:"Something went wrong. Please try again.",download:"Download",rateAsk:"How was this conversation?",rateScore:e=>e+" of 5",rateComment:"Anything to add? (optional)",rateSend:"Send rating",rateSkip:"Skip",rateThanks:"Thank you for your rating!",queuePosition:e=>"You are number "+e+" in line",queueWait:e=>"Expected wait: "+(e<60?"under a minute":"about "+Math.round(e/60)+" min"),withAgent:e=>"You are chatting with "+e,leave:"Leave a message and we will get back to you.",leavePlaceholder:"Your message…",closed:"We are closed right now.",backAt:e=>"We are back on "+e+"."},de:{open:"Chat öffnen",close:"Chat schließen",unread:e=>e+(e===1?" ungelesene Nachricht":" ungelesene Nachrichten"),online:"Wir antworten meist in wenigen Minuten",offline:"Wir sind gerade nicht da.",placeholder:"Nachricht schreiben…",send:"Senden",attach:"Datei anhängen",typing:"Der Support schreibt…",seen:"Gelesen",sending:"Wird gesendet…",failed:"Noch nicht gesendet",connecting:"Verbinde…",reconnecting:"Verbindung unterbrochen. Verbinde neu…",conversations:"Ihre Unterhaltungen",newConversation:"Neue Unterhaltung",back:"Zurück zu Ihren Unterhaltungen",noConversations:"Noch keine Unterhaltungen.",you:"Sie",agent:"Support",resolved:"Erledigt",start:"Unterhaltung beginnen",prechatIntro:"Sagen Sie uns, wer Sie sind, damit wir antworten können.",name:"Name",email:"E-Mail",fileTooLarge:"Die Datei ist zu groß.",fileType:"Dieser Dateityp wird nicht angenommen.",error:"Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",download:"Herunterladen",rateAsk:"Wie war diese Unterhaltung?",rateScore:e=>e+" von 5",rateComment:"Möchten Sie etwas ergänzen? (optional)",rateSend:"Bewertung senden",rateSkip:"Überspringen",rateThanks:"Danke für Ihre Bewertung!",queuePosition:e=>"Sie sind Nummer "+e+" in der Warteschlange",queueWait:e=>"Voraussichtliche Wartezeit: "+(e<60?"unter einer Minute":"etwa "+Math.round(e/60)+" Min."),withAgent:e=>"Sie chatten mit "+e,leave:"Hinterlassen Sie eine Nachricht, wir melden uns.",leavePlaceholder:"Ihre Nachricht…",closed:"Wir haben gerade geschlossen.",backAt:e=>"Wir sind ab "+e+" wieder da."},fr:{open:"Ouvrir le chat",close:"Fermer le chat",unread:e=>e+(e===1?" message non lu":" messages non lus"),online:"Nous répondons en général en quelques minutes",offline:"Nous sommes absents pour le moment.",placeholder:"Écrire un message…",send:"Envoyer",attach:"Joindre un fichier",typing:"Le support écrit…",seen:"Lu",sending:"Envoi…",failed:"Pas encore envoyé",connecting:"Connexion…",reconnecting:"Connexion perdue. Reconnexion…",conversations:"Vos conversations",newConversation:"Nouvelle conversation",back:"Retour à vos conversations",noConversations:"Aucune conversation.",you:"Vous",agent:"Support",resolved:"Résolue",start:"Commencer la conversation",prechatIntro:"Dites-nous qui vous êtes pour que nous puissions vous répondre.",name:"Nom",email:"E-mail",fileTooLarge:"Ce fichier est trop volumineux.",fileType:"Ce type de fichier n'est pas accepté.",error:"Une erreur est survenue. Veuillez réessayer.",download:"Télécharger",rateAsk:"Comment s’est passée cette conversation ?",rateScore:e=>e+" sur 5",rateComment:"Un commentaire ? (facultatif)",rateSend:"Envoyer la note",rateSkip:"Passer",rateThanks:"Merci pour votre note !",queuePosition:e=>"Vous êtes numéro "+e+" dans la file",queueWait:e=>"Attente estimée : "+(e<60?"moins d’une minute":"environ "+Math.round(e/60)+" min"),withAgent:e=>"Vous discutez avec "+e,leave:"Laissez un message, nous vous répondrons.",leavePlaceholder:"Votre message…",closed:"Nous sommes fermés pour le moment.",backAt:e=>"Nous serons de retour "+e+"."}};function Rs(e,t=navigator.languages||[navigator.language]){for(let n of[e,...t]){let a=(n||"").toLowerCase().split("-")[0];if(ja[a])return a}return"en"}var Ps=e=>ja[e]||ja.en;var Ln=[["","The visitor's browser language"],["en","English"],["de","Deutsch"],["fr","Français"]],zs=[["name","Name"],["email","Email"]],Vr=(e={})=>({title:e.title||"",greeting:e.greeting||"",color:e.color||"#2563eb",locale:e.locale||"",position:e.position==="left"?"left":"right",prechat:{enabled:!!e.prechat?.enabled,fields:[...e.prechat?.fields||[]]}});function Ms({inbox:e,onSaved:t}){let[n,a]=h(()=>Vr(e.widget)),[s,i]=h(null),[r,l]=h(!1),p=u=>`widget-${u}-${e.id}`,m=u=>g=>a({...n,[u]:g.currentTarget.value}),c=(u,g)=>{let $=zs.map(([y])=>y).filter(y=>y===u?g:n.prechat.fields.includes(y));a({...n,prechat:{...n.prechat,fields:$}})},f=Ln.some(([u])=>u===n.locale)?Ln:[...Ln,[n.locale,n.locale]];async function d(u){u.preventDefault(),l(!0);try{await v.updateInbox(e.id,{widget:n}),i(null),C("Widget settings saved.","success"),t()}catch(g){i(g)}finally{l(!1)}}return o`
    <form class="widget-settings" onSubmit=${d} aria-labelledby=${p("title-h")}>
      <h3 id=${p("title-h")}>Widget</h3>
      <${U} error=${s} />
      <div class="widget-settings-grid">
        <div>
          <label class="field"><span>Title</span>
            <input name="title" value=${n.title} maxlength="500" placeholder=${e.name} onInput=${m("title")} /></label>
          <label class="field"><span>Greeting</span>
            <textarea name="greeting" rows="2" maxlength="500" value=${n.greeting} placeholder="Hi! How can we help?" onInput=${m("greeting")}></textarea></label>
          <div class="field-row">
            <label class="field"><span>Colour</span>
              <span class="color-field">
                <input type="color" name="color" value=${n.color} onInput=${m("color")} aria-describedby=${p("color-hex")} />
                <code id=${p("color-hex")}>${n.color}</code>
              </span></label>
            <fieldset class="field">
              <legend>Position</legend>
              <span class="segmented">
                ${["left","right"].map(u=>o`<label key=${u} class="check">
                  <input type="radio" name=${p("position")} value=${u} checked=${n.position===u} onChange=${()=>a({...n,position:u})} />
                  ${u==="left"?"Bottom left":"Bottom right"}</label>`)}
              </span>
            </fieldset>
          </div>
          <label class="field"><span>Language</span>
            <select name="locale" value=${n.locale} onChange=${m("locale")}>
              ${f.map(([u,g])=>o`<option key=${u} value=${u}>${g}</option>`)}
            </select></label>
          <fieldset class="field">
            <legend>Pre-chat form</legend>
            <label class="switch"><input type="checkbox" name="prechat" checked=${n.prechat.enabled}
              onChange=${u=>a({...n,prechat:{...n.prechat,enabled:u.currentTarget.checked,fields:n.prechat.fields.length?n.prechat.fields:["name","email"]}})} />
              <span>Ask guests who they are before they write</span></label>
            ${n.prechat.enabled&&o`<span class="segmented">${zs.map(([u,g])=>o`<label key=${u} class="check">
              <input type="checkbox" name=${"prechat-"+u} checked=${n.prechat.fields.includes(u)} onChange=${$=>c(u,$.currentTarget.checked)} />${g}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${r}>Save widget</button>
        </div>
        <${Yr} inbox=${e} f=${n} />
      </div>
    </form>`}function Kr(e){let t=parseInt((e||"").slice(1),16);return isNaN(t)?"#fff":.299*(t>>16)+.587*(t>>8&255)+.114*(t&255)>170?"#111827":"#fff"}function Yr({inbox:e,f:t}){let n=Ps(Rs(t.locale)),a={"--w-accent":t.color,"--w-on-accent":Kr(t.color)},s=t.prechat.enabled&&t.prechat.fields.length>0;return o`
    <figure class=${"widget-preview pos-"+t.position} style=${a} aria-label="Preview of the widget" data-preview=${e.id}>
      <div class="wp-panel" aria-hidden="true">
        <div class="wp-head">
          <div class="wp-title">${t.title||e.name}</div>
          <div class="wp-sub"><span class="wp-dot"></span>${n.online}</div>
        </div>
        <div class="wp-body">
          ${s?o`<div class="wp-prechat"><p>${n.prechatIntro}</p>
              ${t.prechat.fields.map(i=>o`<span key=${i} class="wp-input">${n[i]}</span>`)}
              <span class="wp-button">${n.start}</span></div>`:t.greeting&&o`<div class="wp-msg">${t.greeting}</div>`}
        </div>
        ${!s&&o`<div class="wp-composer"><span>${n.placeholder}</span><span class="wp-send"></span></div>`}
      </div>
      <div class="wp-launcher" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg></div>
      <figcaption class="muted small">Preview: ${t.title||e.name}, ${t.position==="left"?"bottom left":"bottom right"}, ${Ln.find(([i])=>i===t.locale)?.[1]||t.locale}</figcaption>
    </figure>`}var Qr=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function Ee(e,t="Copied"){try{await navigator.clipboard.writeText(e),C(`${t} to the clipboard.`,"success")}catch{C("Select the text and copy it by hand.","error")}}function Ls(){let[e,t]=h(!0),[n,a]=h(!1),s=()=>v.inboxes().then(i=>{at.value=i}).catch(i=>k(i,"Could not load inboxes")).finally(()=>t(!1));return _(()=>{s()},[]),o`
    <${P} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>New inbox</button>
    <//>
    ${n&&o`<${Xr} onDone=${()=>{a(!1),s()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:at.value.length?at.value.map(i=>o`<${Gr} key=${i.id} inbox=${i} onChange=${s} />`):o`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function Gr({inbox:e,onChange:t}){let[n,a]=h((e.allowed_origins||[]).join(`
`)),[s,i]=h(null),r=Qr(e),l="inbox-"+e.id;async function p(m,c){try{await v.updateInbox(e.id,m),i(null),C(c,"success"),t()}catch(f){i(f)}}return o`
    <section class="card inbox-card" aria-labelledby=${l} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${l}>${e.name}</h2>
          <p class="muted small">Widget title “${e.widget?.title||e.name}” · files up to ${Math.round((e.conversation?.max_attachment_size||0)/1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{background:e.widget?.color||"#2563eb"}}></span>
      </header>
      <${U} error=${s} />
      <div class="inbox-grid">
        <div>
          <h3>Widget snippet</h3>
          <p class="muted small">Paste it before <code>${"</body>"}</code> on every page of your site.</p>
          <div class="snippet">
            <pre><code class="snippet-code">${r}</code></pre>
            <button type="button" class="button small" onClick=${()=>Ee(r,"Snippet copied")}><${ve} size=${14} /> Copy</button>
          </div>
        </div>
        <div>
          <h3>Identity</h3>
          <label class="switch">
            <input type="checkbox" checked=${!!e.identity?.require_verified}
              onChange=${m=>p({identity:{require_verified:m.currentTarget.checked}},"Identity settings saved.")} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${Zr} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${m=>{m.preventDefault(),p({allowed_origins:n.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${n} onInput=${m=>a(m.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${Jr} inbox=${e} save=${p} />
        <${Ms} inbox=${e} onSaved=${t} />
      </div>
    </section>`}function Jr({inbox:e,save:t}){let n=e.conversation?.auto_resolve_after_seconds||0,[a,s]=h(n?String(n/60):""),i="auto-resolve-"+e.id;function r(l){l.preventDefault();let p=Number(a.trim()||"0");t({conversation:{auto_resolve_after_seconds:Math.round(p*60)}},p?`Conversations inactive for ${p} minutes will be resolved.`:"Auto-resolve is off.")}return o`
    <form class="inbox-auto-resolve" aria-label="Auto-resolve" onSubmit=${r}>
      <h3>Auto-resolve</h3>
      <label class="field" for=${i}><span>Resolve after <span class="muted small">(minutes without activity; empty for off)</span></span>
        <input id=${i} name="auto_resolve_minutes" type="number" min="0" step="1" inputmode="numeric" placeholder="Off"
          value=${a} onInput=${l=>s(l.currentTarget.value)} /></label>
      <p class="muted small">Now: ${n?`after ${n%60?n+" seconds":n/60+" minutes"}`:"off"}. A system line tells the visitor.</p>
      <button type="submit" class="button small">Save auto-resolve</button>
    </form>`}function Zr({identity:e}){let t=Object.entries(e||{}).filter(([a,s])=>a!=="require_verified"&&s!==null&&s!==""&&!(Array.isArray(s)&&s.length===0));if(!t.length)return null;let n=a=>Array.isArray(a)?`${a.length} configured`:typeof a=="object"?JSON.stringify(a):String(a);return o`<dl class="props small">${t.map(([a,s])=>o`<dt>${a.replace(/_/g," ")}</dt><dd>${n(s)}</dd>`)}</dl>`}function Xr({onDone:e}){let[t,n]=h(""),[a,s]=h(""),[i,r]=h(null);async function l(p){p.preventDefault();try{await v.createInbox({name:t,allowed_origins:a.split(/[\s,]+/).filter(Boolean)}),C(`Inbox ${t} created.`,"success"),e()}catch(m){r(m)}}return o`
    <form class="card form-grid" onSubmit=${l} aria-label="New inbox">
      <${U} error=${i} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${p=>n(p.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${a} onInput=${p=>s(p.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function Os(){let[e,t]=h(null),[n,a]=h(!1),[s,i]=h(null),r=()=>v.tokens().then(t).catch(p=>{k(p,"Could not load tokens"),t([])});_(()=>{r()},[]);async function l(p){if(confirm(`Revoke “${p.name}”? Programs using it stop working at once.`))try{await v.revokeToken(p.id),C(`“${p.name}” is revoked.`,"success"),r()}catch(m){k(m)}}return o`
    <${P} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{a(!n),i(null)}} aria-expanded=${n}>Create token</button>
    <//>
    ${s&&o`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${s.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(s.token,"Token copied")}><${ve} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>i(null)}>I have stored it</button>
      </div>`}
    ${n&&o`<${el} onDone=${p=>{a(!1),p&&i(p),r()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading tokens"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(p=>o`
              <tr key=${p.id} class=${p.revoked_at?"revoked":""} data-token=${p.name}>
                <td class="strong">${p.name}</td>
                <td>${p.scopes.map(m=>o`<span class="tag">${m}</span> `)}</td>
                <td><code>${p.prefix}…</code></td>
                <td class="muted" title=${X(p.created_at)}>${L(p.created_at)} by ${p.created_by?.name}</td>
                <td class="muted">${p.last_used_at?L(p.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${p.expires_at?X(p.expires_at):""}>${p.expires_at?new Date(p.expires_at)<=new Date?o`<span class="tag tag-muted">expired</span>`:L(p.expires_at):"never"}</td>
                <td class="right">${p.revoked_at?o`<span class="tag tag-muted">revoked</span>`:o`<button type="button" class="button small danger-ghost" onClick=${()=>l(p)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function el({onDone:e}){let t=(J.value?.scopes||[]).filter(u=>!u.startsWith("workspaces:")),[n,a]=h(""),[s,i]=h(!0),[r,l]=h([]),[p,m]=h(""),[c,f]=h(null);async function d(u){u.preventDefault();let g={name:n,scopes:s?["all"]:r};p&&(g.expires_at=new Date(`${p}T00:00:00`).toISOString());try{let $=await v.createToken(g);e($)}catch($){f($)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New API token">
      <${U} error=${c} />
      <label class="field"><span>Name</span><input required value=${n} onInput=${u=>a(u.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${s} onChange=${u=>i(u.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!s&&o`<div class="scope-grid">${t.map(u=>o`
          <label class="check"><input type="checkbox" checked=${r.includes(u)}
            onChange=${g=>l(g.currentTarget.checked?[...r,u]:r.filter($=>$!==u))} /> <code>${u}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${p} min=${tl()} onInput=${u=>m(u.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!s&&!r.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function tl(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function Us(){let[e,t]=h(null),[n,a]=h(""),[s,i]=h(!1);async function r(p){i(!0);try{let m=await v.audit(p);t(c=>p?[...c||[],...m.items]:m.items),a(m.next_cursor||"")}catch(m){k(m,"Could not load the audit log"),t(c=>c||[])}finally{i(!1)}}_(()=>{r("")},[]);let l=p=>Object.entries(p||{}).map(([m,c])=>`${m}: ${typeof c=="object"?JSON.stringify(c):c}`).join(", ");return o`
    <${P} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(p=>o`
              <tr key=${p.id}>
                <td class="muted nowrap" title=${X(p.created_at)}>${L(p.created_at)}</td>
                <td><span class="tag tag-muted">${p.actor.type}</span> ${p.actor.name}</td>
                <td><code class="action">${p.action}</code></td>
                <td class="muted small details">${l(p.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${n&&o`<div class="center"><button type="button" class="button" disabled=${s} onClick=${()=>r(n)}>Load more</button></div>`}`:o`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}function Ws(){let[e,t]=h(null),[n,a]=h(""),[s,i]=h(null);if(_(()=>{I("/api/v1/sign-in").then(t).catch(c=>k(c,"Could not load the sign-in settings"))},[]),!e)return o`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;let r=e.oidc,l=(c,f)=>t({...e,oidc:{...r,[c]:f}}),p=(c,f,d)=>l("mappings",r.mappings.map((u,g)=>g===c?{...u,[f]:d}:u));async function m(c){c.preventDefault(),i(null);let f={password:e.password,oidc:{...r,client_secret:n||void 0},external:e.external};delete f.oidc.client_secret_set;try{t(await ut("/api/v1/sign-in",f)),a(""),C("Sign-in settings saved.","success")}catch(d){i(d)}}return o`
    <${P} title="Sign-in" sub="How the agents of this workspace sign in to the console. See docs/sign-in.md." />
    <form class="card form-grid" onSubmit=${m} aria-label="Sign-in settings">
      <${U} error=${s} />
      <label class="field"><span>Email and password</span>
        <select name="password" value=${e.password} onChange=${c=>t({...e,password:c.currentTarget.value})}>
          <option value="local">Parley's own passwords</option>
          <option value="external">Checked by your company's endpoint</option>
          <option value="off">Off (single sign-on only)</option>
        </select></label>
      ${e.password==="external"&&o`
        <label class="field"><span>Authentication endpoint URL</span>
          <input name="external_url" value=${e.external.url} placeholder="https://auth.example.com/chimpassist/auth"
            onInput=${c=>t({...e,external:{...e.external,url:c.currentTarget.value}})} /></label>
        <label class="switch"><input type="checkbox" checked=${e.external.create_agents}
          onChange=${c=>t({...e,external:{...e.external,create_agents:c.currentTarget.checked}})} />
          <span>Create agents on their first sign-in</span></label>`}
      <fieldset class="field">
        <legend>Single sign-on (OpenID Connect)</legend>
        <label class="switch"><input type="checkbox" name="oidc_enabled" checked=${r.enabled} onChange=${c=>l("enabled",c.currentTarget.checked)} />
          <span>Sign in with your identity provider</span></label>
        <p class="muted">Register <code>${e.redirect_uri}</code> as the redirect URI and <code>${e.post_logout_redirect_uri}</code> as the post-logout redirect URI.</p>
        <label class="field"><span>Issuer URL</span><input name="issuer" value=${r.issuer} placeholder="https://id.example.com" onInput=${c=>l("issuer",c.currentTarget.value)} /></label>
        <label class="field"><span>Client ID</span><input name="client_id" value=${r.client_id} onInput=${c=>l("client_id",c.currentTarget.value)} /></label>
        <label class="field"><span>Client secret ${r.client_secret_set&&o`<span class="muted">(stored; leave empty to keep it)</span>`}</span>
          <input name="client_secret" type="password" autocomplete="off" value=${n} onInput=${c=>a(c.currentTarget.value)} /></label>
        <label class="field"><span>Scopes <span class="muted">(besides openid; comma-separated)</span></span>
          <input name="scopes" value=${r.scopes.join(", ")} placeholder="profile, email, groups"
            onInput=${c=>l("scopes",c.currentTarget.value.split(",").map(f=>f.trim()).filter(Boolean))} /></label>
        <label class="field"><span>Button label</span><input name="button_label" value=${r.button_label} placeholder="Sign in with single sign-on" onInput=${c=>l("button_label",c.currentTarget.value)} /></label>
        <label class="field"><span>Claim mapped to roles</span><input name="claim" value=${r.claim} placeholder="groups" onInput=${c=>l("claim",c.currentTarget.value)} /></label>
        ${r.mappings.map((c,f)=>o`
          <div class="mapping-row" data-mapping=${f}>
            <label class="field"><span>Claim value</span><input value=${c.value} onInput=${d=>p(f,"value",d.currentTarget.value)} /></label>
            <label class="field"><span>Role</span><select value=${c.role} onChange=${d=>p(f,"role",d.currentTarget.value)}>
              <option value="agent">agent</option><option value="supervisor">supervisor</option><option value="admin">admin</option></select></label>
            <label class="field"><span>Tier</span><input type="number" min="0" max="9" value=${c.tier} onInput=${d=>p(f,"tier",Number(d.currentTarget.value)||0)} /></label>
            <button type="button" class="button small ghost" aria-label="Remove this mapping" onClick=${()=>l("mappings",r.mappings.filter((d,u)=>u!==f))}>Remove</button>
          </div>`)}
        <button type="button" class="button small" onClick=${()=>l("mappings",[...r.mappings,{value:"",role:"agent",tier:0}])}>Add a mapping</button>
        <label class="field"><span>Role when no mapping matches</span>
          <select name="default_role" value=${r.default_role} onChange=${c=>l("default_role",c.currentTarget.value)}>
            <option value="">none: refuse the first sign-in</option><option value="agent">agent</option><option value="supervisor">supervisor</option></select></label>
        <label class="switch"><input type="checkbox" name="create_agents" checked=${r.create_agents} onChange=${c=>l("create_agents",c.currentTarget.checked)} />
          <span>Create agents on their first sign-in (else only agents you created may sign in)</span></label>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary">Save</button></div>
    </form>`}function Fs(){let[e,t]=h(null),[n,a]=h({product_name:"",sign_in_title:"",color:""}),[s,i]=h(null),r=f=>{t(f),Te.value=f,a({product_name:f.product_name,sign_in_title:f.sign_in_title,color:f.color})};_(()=>{I("/api/v1/branding").then(r).catch(f=>k(f,"Could not load the branding"))},[]);async function l(f){f.preventDefault(),i(null);try{r(await Re("/api/v1/branding",n)),C("Branding saved.","success")}catch(d){i(d)}}async function p(f,d){if(d)try{r(await Pe("PUT",`/api/v1/branding/${f}`,{headers:{"Content-Type":d.type||"application/octet-stream"},raw:d})),C(f==="logo"?"Logo saved.":"Default avatar saved.","success")}catch(u){k(u,"Upload refused")}}async function m(f){try{r(await Pe("DELETE",`/api/v1/branding/${f}`))}catch(d){k(d)}}let c=f=>d=>a({...n,[f]:d.currentTarget.value});return e?o`
    <${P} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${l} aria-label="Branding">
      <${U} error=${s} />
      <label class="field"><span>Product name</span>
        <input name="product_name" maxlength="60" value=${n.product_name} placeholder="Parley" onInput=${c("product_name")} /></label>
      <label class="field"><span>Sign-in page title</span>
        <input name="sign_in_title" maxlength="120" value=${n.sign_in_title} placeholder=${`Sign in to ${n.product_name||"Parley"}`} onInput=${c("sign_in_title")} /></label>
      <label class="field"><span>Colour <span class="muted">(#rrggbb; the widget uses it when the inbox sets none)</span></span>
        <input name="color" maxlength="7" value=${n.color} placeholder="#4f46e5" onInput=${c("color")} /></label>
      <div class="form-actions"><button type="submit" class="button primary" id="save-branding">Save</button></div>
    </form>
    ${[["logo","Logo","Shown in the console’s header and on the sign-in page."],["avatar","Default agent avatar","The widget shows it for agents who have no picture."]].map(([f,d,u])=>o`
      <section class="card" aria-labelledby=${"brand-"+f}>
        <h2 id=${"brand-"+f}>${d}</h2>
        <p class="muted">${u} PNG, JPEG, GIF or WebP, at most 256 KiB and 2048 pixels a side.</p>
        <div class="brand-preview">
          ${e[f+"_url"]?o`<img src=${e[f+"_url"]} alt=${d} data-brand-preview=${f} />`:o`<span class="muted">None</span>`}
          <label class="button small">Upload…<input type="file" class="sr-only" name=${f} accept="image/png,image/jpeg,image/gif,image/webp"
            onChange=${g=>p(f,g.currentTarget.files[0])} /></label>
          ${e[f+"_url"]&&o`<button type="button" class="button small ghost" onClick=${()=>m(f)}>Remove</button>`}
        </div>
      </section>`)}`:o`<div class="spinner" role="status" aria-label="Loading the branding"></div>`}function js(){let[e,t]=h(null),[n,a]=h([]),[s,i]=h(!1),[r,l]=h(null),p=()=>v.contextEndpoints().then(t).catch(d=>{k(d,"Could not load context endpoints"),t([])});_(()=>{p(),v.inboxes().then(a).catch(()=>{})},[]);let m=d=>d?n.find(u=>u.id===d)?.name||d:"Every inbox";async function c(d){if(confirm(`Replace the secret of “${d.title}”? Requests are signed with the new one at once: update your endpoint.`))try{let u=await v.rotateContextSecret(d.id);l({title:u.title,secret:u.secret})}catch(u){k(u)}}async function f(d){if(confirm(`Delete “${d.title}”? Agents no longer see its data.`))try{await v.deleteContextEndpoint(d.id),C(`“${d.title}” is deleted.`,"success"),p()}catch(u){k(u)}}return o`
    <${P} title="Customer data" sub="Your endpoints whose answers agents see beside the conversation: rows, links and charts.">
      <button type="button" class="button primary" onClick=${()=>{i(!s),l(null)}} aria-expanded=${s}>Add endpoint</button>
    <//>
    ${r&&o`
      <div class="card callout" role="status" aria-labelledby="ctx-secret-title">
        <h2 id="ctx-secret-title">Copy the signing secret of “${r.title}” now</h2>
        <p>This is the only time it is shown. Your endpoint checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="context-secret">${r.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(r.secret,"Secret copied")}><${ve} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>l(null)}>I have stored it</button>
      </div>`}
    ${s&&o`<${nl} inboxes=${n} onDone=${d=>{i(!1),d&&l({title:d.title,secret:d.secret}),p()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading context endpoints"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Context endpoints">
          <thead><tr><th scope="col">Title</th><th scope="col">URL</th><th scope="col">Inbox</th><th scope="col">Kind</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(d=>o`
              <tr key=${d.id} data-context-endpoint=${d.title}>
                <td class="strong">${d.title}</td>
                <td><code>${d.url}</code></td>
                <td class="muted">${m(d.inbox_id)}</td>
                <td class="muted">${d.statistics?"Statistics (date range)":"Details"}</td>
                <td class="right">
                  <button type="button" class="button small ghost" onClick=${()=>c(d)} aria-label=${"New secret for "+d.title}>New secret</button>
                  <button type="button" class="button small danger-ghost" onClick=${()=>f(d)} aria-label=${"Delete "+d.title}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No context endpoints</h2><p class="muted">Add one to show your own data about customers in the contact panel.</p></div>`}`}function nl({inboxes:e,onDone:t}){let[n,a]=h(""),[s,i]=h(""),[r,l]=h(""),[p,m]=h(!1),[c,f]=h(null);async function d(u){u.preventDefault();try{t(await v.createContextEndpoint({title:n,url:s,inbox_id:r||void 0,statistics:p}))}catch(g){f(g)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New context endpoint">
      <${U} error=${c} />
      <label class="field"><span>Title</span><input required maxlength="64" value=${n} onInput=${u=>a(u.currentTarget.value)} placeholder="The heading agents see, e.g. Orders" /></label>
      <label class="field"><span>URL</span><input required type="url" value=${s} onInput=${u=>i(u.currentTarget.value)} placeholder="https://crm.example.com/parley/orders" aria-describedby="ctx-url-help" />
        <small id="ctx-url-help" class="muted">Parley POSTs the contact's identifiers and the agent's id here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Inbox</span>
        <select value=${r} onChange=${u=>l(u.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map(u=>o`<option value=${u.id}>${u.name}</option>`)}
        </select></label>
      <label class="switch"><input type="checkbox" checked=${p} onChange=${u=>m(u.currentTarget.checked)} /><span>Statistics: send a date range agents choose</span></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!s}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>t(null)}>Cancel</button></div>
    </form>`}var al=1500;function Hs(){let[e,t]=h(null),[n,a]=h([]),[s,i]=h([]),[r,l]=h(!1),[p,m]=h(null),[c,f]=h(null),[d,u]=h(0),g=()=>v.webhooks().then(t).catch(x=>{k(x,"Could not load webhooks"),t([])});_(()=>{g(),v.inboxes().then(a).catch(()=>{}),v.webhookEventTypes().then(i).catch(()=>{})},[]);let $=x=>x?n.find(D=>D.id===x)?.name||x:"Every inbox";async function y(x){try{await v.pingWebhook(x.id),C("Test event sent. Its delivery is in the log below.","success"),f(x.id),u(D=>D+1)}catch(D){k(D)}}async function b(x){if(confirm(`Replace the secret of ${x.url}? For 24 hours requests carry both signatures, the new secret's and the old one's.`))try{let D=await v.rotateWebhookSecret(x.id);m({url:D.url,secret:D.secret}),g()}catch(D){k(D)}}async function w(x,D){try{await v.updateWebhook(x.id,{enabled:D}),C(D?`${x.url} is enabled.`:`${x.url} is disabled.`,"success"),g()}catch(te){k(te)}}async function T(x){if(confirm(`Delete the endpoint ${x.url}? Its pending deliveries and its delivery log are deleted too.`))try{await v.deleteWebhook(x.id),C(`${x.url} is deleted.`,"success"),c===x.id&&f(null),g()}catch(D){k(D)}}let E=e?.find(x=>x.id===c);return o`
    <${P} title="Webhooks" sub="Your URLs that Parley sends events to, signed, retried and logged.">
      <button type="button" class="button primary" onClick=${()=>{l(!r),m(null)}} aria-expanded=${r}>Add endpoint</button>
    <//>
    ${p&&o`
      <div class="card callout" role="status" aria-labelledby="wh-secret-title">
        <h2 id="wh-secret-title">Copy the signing secret now</h2>
        <p>This is the only time the secret of <code>${p.url}</code> is shown. Your receiver checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="webhook-secret">${p.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(p.secret,"Secret copied")}><${ve} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>m(null)}>I have stored it</button>
      </div>`}
    ${r&&o`<${sl} inboxes=${n} catalogue=${s}
      onDone=${x=>{l(!1),x&&(m({url:x.url,secret:x.secret}),f(x.id)),g()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading webhooks"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Webhook endpoints">
          <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Inbox</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(x=>o`
              <tr key=${x.id} data-webhook=${x.url} class=${x.enabled?"":"revoked"}>
                <td class="details"><code class="strong">${x.url}</code>${x.description&&o`<div class="muted">${x.description}</div>`}</td>
                <td>${x.event_types.map(D=>o`<span class="tag">${D}</span> `)}</td>
                <td class="muted">${$(x.inbox_id)}</td>
                <td class="webhook-state"><${ol} e=${x} /></td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" aria-expanded=${c===x.id} aria-controls="wh-deliveries"
                    onClick=${()=>f(c===x.id?null:x.id)} aria-label=${"Deliveries to "+x.url}>Deliveries</button>
                  <button type="button" class="button small ghost" onClick=${()=>y(x)} aria-label=${"Send test event to "+x.url}>Send test event</button>
                  <button type="button" class="button small ghost" onClick=${()=>b(x)} aria-label=${"New secret for "+x.url}>New secret</button>
                  ${x.enabled?o`<button type="button" class="button small ghost" onClick=${()=>w(x,!1)} aria-label=${"Disable "+x.url}>Disable</button>`:o`<button type="button" class="button small ghost" onClick=${()=>w(x,!0)} aria-label=${"Enable "+x.url}>Enable</button>`}
                  <button type="button" class="button small danger-ghost" onClick=${()=>T(x)} aria-label=${"Delete "+x.url}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No webhook endpoints</h2><p class="muted">Add one to receive conversations, messages and contacts as they change.</p></div>`}
    ${E&&o`<${il} key=${E.id} endpoint=${E} refresh=${d} onLoad=${g} />`}`}function ol({e}){return e.enabled?o`<span class="tag tag-ok">Enabled</span>
      ${e.failing_since&&o`<div class="wh-failing" title=${X(e.failing_since)}>Failing since ${L(e.failing_since)}</div>`}`:e.disabled_reason?o`<span class="tag tag-bad">Disabled by Parley</span><div class="wh-reason">${e.disabled_reason}</div>`:o`<span class="tag tag-muted">Disabled</span>`}function sl({inboxes:e,catalogue:t,onDone:n}){let[a,s]=h(""),[i,r]=h(""),[l,p]=h(""),[m,c]=h(""),[f,d]=h(null),u=i.split(/[\s,]+/).filter(Boolean);async function g($){$.preventDefault();try{n(await v.createWebhook({url:a,event_types:u,inbox_id:l||void 0,description:m||void 0}))}catch(y){d(y)}}return o`
    <form class="card form-grid" onSubmit=${g} aria-label="New webhook endpoint">
      <${U} error=${f} />
      <label class="field"><span>URL</span><input required type="url" name="url" maxlength="2048" value=${a} onInput=${$=>s($.currentTarget.value)}
        placeholder="https://crm.example.com/parley-events" aria-describedby="wh-url-help" />
        <small id="wh-url-help" class="muted">Parley POSTs each event here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Event types</span><input required name="event_types" value=${i} onInput=${$=>r($.currentTarget.value)}
        placeholder="conversation.*, message.created" aria-describedby="wh-types-help" />
        <small id="wh-types-help" class="muted">Separated by commas. A group such as <code>conversation.*</code> is every type of it; <code>*</code> is every type.</small></label>
      <label class="field"><span>Inbox</span>
        <select name="inbox_id" value=${l} onChange=${$=>p($.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map($=>o`<option value=${$.id}>${$.name}</option>`)}
        </select></label>
      <label class="field"><span>Description (optional)</span><input name="description" maxlength="500" value=${m}
        onInput=${$=>c($.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      ${t.length>0&&o`
        <details class="wh-catalogue">
          <summary>The event types</summary>
          <dl>${t.map($=>o`<dt><code>${$.type}</code></dt><dd class="muted">${$.description}</dd>`)}</dl>
        </details>`}
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a||!u.length}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>n(null)}>Cancel</button></div>
    </form>`}function il({endpoint:e,refresh:t,onLoad:n}){let[a,s]=h(null),[i,r]=h(0),[l,p]=h(null),m=()=>v.webhookDeliveries(e.id).then(s).catch(d=>{k(d,"Could not load deliveries"),s([])}).then(n);_(()=>{m()},[t,i]);let c=Math.min(...(a||[]).filter(d=>d.status==="pending").map(d=>d.next_attempt_at?new Date(d.next_attempt_at).getTime():Date.now()));_(()=>{if(!Number.isFinite(c))return;let d=setTimeout(()=>r(u=>u+1),Math.min(Math.max(c-Date.now()+500,al),6e4));return()=>clearTimeout(d)},[c,a]);async function f(d){try{await v.redeliverWebhook(e.id,d.id),C(`${d.event_type} is sent again.`,"success"),r(u=>u+1)}catch(u){k(u)}}return o`
    <section class="card wh-deliveries" id="wh-deliveries" aria-labelledby="wh-deliveries-title">
      <div class="card-head">
        <div><h2 id="wh-deliveries-title">Deliveries to <code>${e.url}</code></h2>
          <p class="muted">The newest first. Each request is a POST of the event, signed, with the header <code>webhook-id</code> the same on every attempt.</p></div>
        <button type="button" class="button small ghost" onClick=${()=>r(d=>d+1)}><${En} size=${14} /> Refresh</button>
      </div>
      ${a===null?o`<div class="spinner" role="status" aria-label="Loading deliveries"></div>`:a.length?o`
        <div class="table-wrap">
          <table class="table" aria-label=${"Deliveries to "+e.url}>
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last result</th><th scope="col">Created</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${a.map(d=>o`
                <tr key=${d.id} data-delivery=${d.id} data-event-type=${d.event_type}>
                  <td><span class="strong">${d.event_type}</span><div class="muted"><code>${d.event_id}</code></div></td>
                  <td><span class=${"tag delivery-status "+rl(d.status)} data-status=${d.status}>${d.status}</span>
                    ${d.status==="pending"&&d.next_attempt_at&&o`<div class="muted">next ${L(d.next_attempt_at)}</div>`}</td>
                  <td class="delivery-attempts">${d.attempts}</td>
                  <td>${d.last_status_code?o`HTTP ${d.last_status_code}`:""}${d.last_error&&o`<div class="wh-reason">${d.last_error}</div>`}</td>
                  <td class="muted" title=${X(d.created_at)}>${L(d.created_at)}</td>
                  <td class="right">
                    <button type="button" class="button small ghost" aria-expanded=${l===d.id}
                      onClick=${()=>p(l===d.id?null:d.id)} aria-label=${"Details of "+d.event_type+" "+d.event_id}>Details</button>
                    <button type="button" class="button small ghost" onClick=${()=>f(d)} aria-label=${"Redeliver "+d.event_type+" "+d.event_id}>Redeliver</button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>
        ${l&&o`<${cl} key=${l+i} endpoint=${e} id=${l} />`}`:o`<p class="muted">No deliveries yet. Send a test event to see one.</p>`}
    </section>`}var rl=e=>e==="delivered"?"tag-ok":e==="failed"?"tag-bad":"tag-muted";function ll(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}function cl({endpoint:e,id:t}){let[n,a]=h(null);return _(()=>{v.webhookDelivery(e.id,t).then(a).catch(s=>k(s,"Could not load the delivery"))},[t]),n?o`
    <div class="wh-attempts" data-delivery-detail=${n.id}>
      <h3>Request</h3>
      <pre class="wh-request"><code>${[`POST ${e.url}`,"content-type: application/json",`webhook-id: ${n.event_id}`,"webhook-timestamp, webhook-signature: set on each attempt"].join(`
`)}</code></pre>
      ${n.request_body?o`<pre class="wh-request-body"><code>${ll(n.request_body)}</code></pre>`:o`<p class="muted wh-no-body">The body, the <code>${n.event_type}</code> event, is not shown: the event is no longer kept.</p>`}
      <h3>Attempts</h3>
      ${n.attempt_log?.length?o`
        <ol class="wh-attempt-list">
          ${n.attempt_log.map(s=>o`
            <li data-attempt=${s.id}>
              <div><span class="strong attempt-result">${s.status_code?`HTTP ${s.status_code}`:"No response"}</span>
                <span class="muted"> · <span class="attempt-latency">${s.latency_ms.toFixed(1)} ms</span> · <span title=${X(s.attempted_at)}>${L(s.attempted_at)}</span></span></div>
              ${s.error&&o`<div class="wh-reason">${s.error}</div>`}
              <div class="muted">Response${s.response?"":": empty"}</div>
              ${s.response&&o`<pre class="attempt-response"><code>${s.response}</code></pre>`}
            </li>`)}
        </ol>`:o`<p class="muted">No attempt yet.</p>`}
    </div>`:o`<div class="spinner" role="status" aria-label="Loading the delivery"></div>`}var dl={all:"Everything in this workspace that an administrator’s API token can do: read and change agents, inboxes, contacts, conversations, webhooks, tokens, apps and the audit log.","agents:read":"See the agents of this workspace: their names, emails, roles, presence and attributes.","agents:write":"Create agents and bots, and change, disable and delete the agents it created.","agents:manage_all":"Change, disable and delete any agent of this workspace, also the ones it did not create.","inboxes:read":"See the inboxes with their widget settings, the branding and the customer data endpoints.","inboxes:write":"Create inboxes and change their settings, identity rules and allowed sites.","contacts:read":"Read your contacts: visitors’ names, emails, phone numbers and attributes.","contacts:write":"Create, change, merge and erase contacts.","conversations:read":"Read every conversation with its messages and the agents’ private notes.","conversations:write":"Write in conversations as an agent, and assign, transfer, resolve and reopen them.","webhooks:read":"See the webhook endpoints and their delivery logs.","webhooks:write":"Add, change and delete webhook endpoints, and send events to them again.","visitors:write":"Open chat sessions for visitors on your site, as your back-end does for signed-in users.","tokens:read":"See the API tokens and the installed apps (never their secrets).","tokens:write":"Create and revoke API tokens, and install, change and uninstall apps.","audit:read":"Read the audit log: who changed what, and when.","labels:write":"Create, rename and delete labels.","canned_responses:write":"Add, change and delete the shared canned responses.","routing:write":"Change teams, queues and routing rules."},pl=[["agents_total","Agents and bots it created that exist at once",10],["agents_per_day","Agents and bots it may create in 24 hours",10],["requests_per_minute","API requests a minute",600]],On=null;function Vs({id:e}){return e?o`<${hl} id=${e} />`:o`<${ul} />`}function ul(){let[e,t]=h(null),[n,a]=h(!1);_(()=>{v.apps().then(t).catch(i=>{k(i,"Could not load apps"),t([])})},[]);let s=i=>j(`${M}/admin/apps/${encodeURIComponent(i.id)}`);return o`
    <${P} title="Apps" sub="Integrations installed from a manifest, each with the rights and quotas you approved.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>Install app</button>
    <//>
    ${n&&o`<${ml} onCancel=${()=>a(!1)}
      onInstalled=${i=>{On=i,C(`“${i.name}” is installed.`,"success"),s(i)}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading apps"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Apps">
          <thead><tr><th scope="col">Name</th><th scope="col">Publisher</th><th scope="col">Scopes</th><th scope="col">State</th><th scope="col">Installed</th></tr></thead>
          <tbody>
            ${e.map(i=>o`
              <tr key=${i.id} data-app=${i.name} class=${i.enabled?"":"revoked"}>
                <td class="strong"><a href=${`${M}/admin/apps/${encodeURIComponent(i.id)}`} onClick=${r=>{!r.metaKey&&!r.ctrlKey&&(r.preventDefault(),s(i))}}>${i.name}</a></td>
                <td class="muted">${i.manifest.publisher||"—"}</td>
                <td>${i.scopes.map(r=>o`<span class="tag">${r}</span> `)}</td>
                <td>${i.enabled?o`<span class="tag tag-ok">Enabled</span>`:o`<span class="tag tag-muted">Disabled</span>`}</td>
                <td class="muted" title=${X(i.created_at)}>${L(i.created_at)} by ${i.installed_by}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:!n&&o`<div class="empty"><h2>No apps</h2><p class="muted">Install one from the manifest its publisher gives you.</p></div>`}`}function fl(e){let t;try{t=JSON.parse(e)}catch(n){return{error:`This is not JSON: ${n.message}`}}return!t||typeof t!="object"||Array.isArray(t)?{error:"A manifest is a JSON object, with at least a name and scopes."}:typeof t.name!="string"||!t.name.trim()?{error:"The manifest has no name."}:!Array.isArray(t.scopes)||!t.scopes.length||t.scopes.some(n=>typeof n!="string")?{error:'The manifest asks for no scopes: it must list them in "scopes".'}:{manifest:t}}var Bs=64*1024;function ml({onCancel:e,onInstalled:t}){let[n,a]=h(""),[s,i]=h(null),[r,l]=h(""),[p,m]=h(null),[c,f]=h(!1);async function d($){let y=$.currentTarget.files?.[0];if(y){if(y.size>Bs){l(`The file is too large for a manifest (${y.size} bytes; at most ${Bs}).`);return}a(await y.text()),l("")}}function u($){$.preventDefault();let y=fl(n);l(y.error||""),m(null),y.manifest&&i(y.manifest)}async function g(){f(!0);try{t(await v.installApp(s))}catch($){m($)}finally{f(!1)}}return s?o`
      <section class="card app-review" aria-labelledby="app-review-title">
        <h2 id="app-review-title">Install “${s.name}”?</h2>
        <${Ks} m=${s} />
        <${Ys} scopes=${s.scopes} heading="What it will be able to read and do" />
        <${Qs} quotas=${s.quotas||{}} />
        <${Gs} webhook=${s.webhook} />
        <p>Approving grants all of this; you may narrow it later, never widen it.</p>
        <${U} error=${p} />
        <div class="form-actions">
          <button type="button" class="button primary" onClick=${g} disabled=${c}>Approve and install</button>
          <button type="button" class="button ghost" onClick=${()=>{i(null),m(null)}}>Back to the manifest</button>
          <button type="button" class="button ghost" onClick=${e}>Cancel</button>
        </div>
      </section>`:o`
    <form class="card" onSubmit=${u} aria-label="App manifest">
      ${r&&o`<div class="form-error" role="alert">${r}</div>`}
      <label class="field"><span>Manifest (JSON)</span>
        <textarea name="manifest" rows="12" class="mono" value=${n} onInput=${$=>a($.currentTarget.value)}
          aria-describedby="app-manifest-help" spellcheck="false"></textarea>
        <small id="app-manifest-help" class="muted">Paste the manifest the app's publisher gives you, or choose its file below. Nothing is installed before you approve it.</small></label>
      <label class="field"><span>Or a manifest file</span><input type="file" name="manifest_file" accept=".json,application/json" onChange=${d} /></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n.trim()}>Review</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function Ks({m:e}){return o`
    <dl class="app-about">
      ${e.description&&o`<dt>Description</dt><dd>${e.description}</dd>`}
      <dt>Publisher</dt><dd>${e.publisher||"Not given"}</dd>
      ${e.homepage&&o`<dt>Homepage</dt><dd><a href=${/^https:\/\//.test(e.homepage)?e.homepage:void 0} rel="noopener noreferrer" target="_blank">${e.homepage}</a></dd>`}
    </dl>`}function Ys({scopes:e,heading:t}){return o`
    <h3>${t}</h3>
    <ul class="app-scopes">
      ${e.map(n=>o`
        <li data-scope=${n}><span class="scope-sentence">${dl[n]||`Something Parley does not know (${n}): the server will refuse to install it.`}</span>
          <code class="muted">${n}</code></li>`)}
    </ul>`}function Qs({quotas:e,usage:t}){return o`
    <h3>Quotas</h3>
    <table class="table app-quotas" aria-label="Quotas">
      <thead><tr><th scope="col">Quota</th>${t&&o`<th scope="col">Used</th>`}<th scope="col">Limit</th></tr></thead>
      <tbody>
        ${pl.map(([n,a,s])=>o`
          <tr data-quota=${n}><th scope="row">${a}</th>
            ${t&&o`<td class="quota-used">${n in t?`${t[n]} of ${e[n]||s}`:"counted by each node"}</td>`}
            <td class="quota-limit">${e[n]?e[n]:`${s} (the default)`}</td></tr>`)}
      </tbody>
    </table>`}function Gs({webhook:e,id:t}){return o`
    <h3>Webhook</h3>
    ${e?o`
      <p class="app-webhook">Parley sends the events ${e.event_types.map(n=>o`<span class="tag">${n}</span> `)} to <code>${e.url}</code>, signed.
        ${t&&o` <a href=${`${M}/admin/webhooks`} onClick=${n=>{n.preventDefault(),j(`${M}/admin/webhooks`)}}>See its deliveries</a>.`}</p>`:o`<p class="app-webhook muted">None: Parley sends this app no events.</p>`}`}function hl({id:e}){let[t,n]=h(null),[a]=h(()=>{let m=On?.id===e?On:null;return On=null,m}),[s,i]=h(!!a),r=()=>v.app(e).then(n).catch(m=>{k(m,"Could not load the app"),n(!1)});_(()=>{r()},[e]);async function l(m){if(!(!m&&!confirm(`Disable “${t.name}”? Its access tokens stop working and its connections close at once.`)))try{n(await(m?v.enableApp(e):v.disableApp(e)).then(()=>v.app(e))),C(m?`“${t.name}” is enabled.`:`“${t.name}” is disabled.`,"success")}catch(c){k(c)}}async function p(){if(confirm(`Uninstall “${t.name}”? Its access tokens and its webhook are deleted at once; the agents it created remain.`))try{await v.uninstallApp(e),C(`“${t.name}” is uninstalled.`,"success"),j(`${M}/admin/apps`)}catch(m){k(m)}}return t===null?o`<div class="spinner" role="status" aria-label="Loading the app"></div>`:t===!1?o`<div class="empty"><h1>App not found</h1><p><a href=${`${M}/admin/apps`} onClick=${m=>{m.preventDefault(),j(`${M}/admin/apps`)}}>All apps</a></p></div>`:o`
    <${P} title=${t.name} sub=${t.enabled?"Enabled":"Disabled: its access tokens are refused."}>
      <a class="button ghost" href=${`${M}/admin/apps`} onClick=${m=>{m.preventDefault(),j(`${M}/admin/apps`)}}>All apps</a>
      ${t.enabled?o`<button type="button" class="button" onClick=${()=>l(!1)}>Disable</button>`:o`<button type="button" class="button" onClick=${()=>l(!0)}>Enable</button>`}
      <button type="button" class="button danger-ghost" onClick=${p}>Uninstall</button>
    <//>
    ${s&&a&&o`
      <div class="card callout" role="status" aria-labelledby="app-secret-title">
        <h2 id="app-secret-title">Copy the app's secrets now</h2>
        <p>This is the only time they are shown. Give them to the app: it signs in with its client ID and secret${a.webhook_secret?", and checks the signature of each webhook request with the webhook secret":""}.</p>
        <dl class="app-about">
          <dt>Client ID</dt><dd><code class="app-client-id">${a.client_id}</code></dd>
        </dl>
        <div class="snippet"><pre><code class="app-client-secret">${a.client_secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(a.client_secret,"Client secret copied")} aria-label="Copy the client secret"><${ve} size=${14} /> Copy</button></div>
        ${a.webhook_secret&&o`
          <div class="snippet"><pre><code class="app-webhook-secret">${a.webhook_secret}</code></pre>
            <button type="button" class="button small" onClick=${()=>Ee(a.webhook_secret,"Webhook secret copied")} aria-label="Copy the webhook secret"><${ve} size=${14} /> Copy</button></div>`}
        <button type="button" class="button ghost small" onClick=${()=>i(!1)}>I have stored them</button>
      </div>`}
    <section class="card app-detail" aria-labelledby="app-detail-title">
      <h2 id="app-detail-title">Rights, quotas and webhook</h2>
      <${Ks} m=${t.manifest} />
      <p class="muted">Client ID <code>${t.client_id}</code> · installed ${L(t.created_at)} by ${t.installed_by}</p>
      <${Ys} scopes=${t.scopes} heading="What it can read and do" />
      <${Qs} quotas=${t.quotas} usage=${t.usage||{}} />
      <${Gs} webhook=${t.manifest.webhook} id=${t.webhook_id} />
    </section>`}function Js(){let[e,t]=h(null),[n,a]=h(null),s=()=>(zt(),v.teams().then(t).catch(l=>{k(l,"Could not load teams"),t([])}));_(()=>{s(),v.agents().then(l=>{me.value=l}).catch(()=>{})},[]);let i=l=>me.value.find(p=>p.id===l)?.name||l;async function r(l){if(confirm(`Delete the team ${l.name}? Its agents stay; only the group is deleted.`))try{await v.deleteTeam(l.id),C(`${l.name} is deleted.`,"success"),n?.id===l.id&&a(null),s()}catch(p){k(p,`Could not delete ${l.name}`)}}return o`
    <${P} title="Teams" sub="Groups of agents. A queue gives its conversations to the members of its team.">
      <button type="button" class="button primary" onClick=${()=>a(n==="new"?null:"new")} aria-expanded=${n==="new"}>Add team</button>
    <//>
    ${n&&o`<${gl} key=${n==="new"?"new":n.id} team=${n==="new"?null:n}
      onDone=${()=>{a(null),s()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading teams"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Teams">
          <thead><tr><th scope="col">Team</th><th scope="col">Agents</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(l=>o`
              <tr key=${l.id} data-team=${l.name}>
                <td class="strong">${l.name}</td>
                <td class="team-members">${l.agent_ids.length?l.agent_ids.map(p=>o`<span class="tag">${i(p)}</span> `):o`<span class="muted">No agents</span>`}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>a(l)} aria-label=${"Edit "+l.name}>Edit</button>
                  <button type="button" class="button small danger-ghost" onClick=${()=>r(l)} aria-label=${"Delete "+l.name}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No teams</h2><p class="muted">Add one, then route a queue to it on the Queues page.</p></div>`}`}function gl({team:e,onDone:t}){let[n,a]=h(e?.name||""),[s,i]=h(e?.agent_ids||[]),[r,l]=h(null),[p,m]=h(!1),c=g=>i(s.includes(g)?s.filter($=>$!==g):[...s,g]);async function f(g){g.preventDefault(),m(!0);try{e?await v.updateTeam(e.id,{name:n,agent_ids:s}):await v.createTeam({name:n,agent_ids:s}),C(e?`${n} is saved.`:`${n} is created.`,"success"),t()}catch($){l($)}finally{m(!1)}}let d=e?`Edit team ${e.name}`:"New team",u=me.value.filter(g=>!g.disabled||s.includes(g.id));return o`
    <form class="card form-grid" onSubmit=${f} aria-label=${d}>
      <${U} error=${r} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${n}
        onInput=${g=>a(g.currentTarget.value)} placeholder="Support" /></label>
      <fieldset class="field">
        <legend>Agents</legend>
        <div class="scope-grid">
          ${u.map(g=>o`
            <label class="check" key=${g.id}><input type="checkbox" name="agent" value=${g.id} checked=${s.includes(g.id)}
              onChange=${()=>c(g.id)} /> ${g.name}${g.bot?" (bot)":""}</label>`)}
        </div>
        <small class="muted">An agent may be in several teams. Bots are never given conversations by a queue's strategy.</small>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${p||!n.trim()}>${e?"Save team":"Create team"}</button>
        <button type="button" class="button ghost" onClick=${t}>Cancel</button></div>
    </form>`}var Zs=[["manual","Manual — agents take conversations themselves"],["round_robin","Round robin — each agent in turn"],["least_busy","Least busy — the agent holding the fewest"],["longest_idle","Longest idle — the agent assigned longest ago"]],bl=e=>e==="external"?"External service":Zs.find(([t])=>t===e)?.[1].split(" — ")[0]||e,Ba=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function Xs(){let[e,t]=h(null),[n,a]=h([]),[s,i]=h([]),[r,l]=h(null),p=()=>(zt(),v.queues().then(t).catch(f=>{k(f,"Could not load queues"),t([])}));_(()=>{p(),v.teams().then(a).catch(()=>{}),v.inboxes().then(i).catch(()=>{})},[]);let m=f=>f?n.find(d=>d.id===f)?.name||f:"Every agent";async function c(f){if(confirm(`Delete the queue ${f.name}?`))try{await v.deleteQueue(f.id),C(`${f.name} is deleted.`,"success"),r?.id===f.id&&l(null),p()}catch(d){k(d,`Could not delete ${f.name}`)}}return o`
    <${P} title="Queues" sub="Where conversations wait, and how they reach agents.">
      <button type="button" class="button primary" onClick=${()=>l(r==="new"?null:"new")} aria-expanded=${r==="new"}>Add queue</button>
    <//>
    ${r&&o`<${_l} key=${r==="new"?"new":r.id} queue=${r==="new"?null:r} teams=${n}
      onDone=${()=>{l(null),p()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading queues"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Queues">
          <thead><tr><th scope="col">Queue</th><th scope="col">Team</th><th scope="col">Strategy</th><th scope="col">Capacity</th><th scope="col">Business hours</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(f=>o`
              <tr key=${f.id} data-queue=${f.name}>
                <td><span class="strong">${f.name}</span>${f.default&&o` <span class="tag tag-muted">Default</span>`}</td>
                <td class="queue-team">${m(f.team_id)}</td>
                <td class="queue-strategy">${bl(f.strategy)}${f.offer_mode?o`<br /><small class="muted queue-offer">Offered, ${f.offer_timeout_seconds} s to accept</small>`:""}</td>
                <td class="queue-capacity">${f.capacity?f.capacity+" per agent":"The agents' own"}</td>
                <td class="queue-hours">${f.business_hours?vl(f.business_hours):"Always open"}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>l(f)} aria-label=${"Edit "+f.name}>Edit</button>
                  ${!f.default&&o`<button type="button" class="button small danger-ghost" onClick=${()=>c(f)} aria-label=${"Delete "+f.name}>Delete</button>`}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}
    ${e!==null&&o`<${Sl} queues=${e} inboxes=${s} />`}`}function vl(e){return`${e.weekly.map((n,a)=>n?.length?`${Ba[a].slice(0,3)} ${n.map(s=>`${s.start}–${s.end}`).join(", ")}`:null).filter(Boolean).join("; ")||"Closed every day"} (${e.time_zone})${e.holidays?.length?`, ${e.holidays.length} holiday${e.holidays.length>1?"s":""}`:""}`}function yl(e){let t=[];for(let n of e.split(",").map(a=>a.trim()).filter(Boolean)){let a=/^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(n);if(!a)return null;t.push({start:a[1].padStart(5,"0"),end:a[2].padStart(5,"0")})}return t}var $l=(()=>{try{return Intl.supportedValuesOf("timeZone")}catch{return[]}})(),xl=(()=>{try{return Intl.DateTimeFormat().resolvedOptions().timeZone}catch{return"UTC"}})();function _l({queue:e,teams:t,onDone:n}){let[a,s]=h(e),[i,r]=h({name:e?.name||"",team_id:e?.team_id||"",strategy:e?.strategy||"round_robin",capacity:String(e?.capacity||0)}),[l,p]=h({offer_mode:!!e?.offer_mode,offer_timeout_seconds:String(e?.offer_timeout_seconds||30),offline_return_seconds:String(e?.offline_return_seconds||0)}),m=e?.business_hours,[c,f]=h(!!m),[d,u]=h(m?.time_zone||xl),[g,$]=h(m?m.weekly.map(R=>(R||[]).map(z=>`${z.start}-${z.end}`).join(", ")):["","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00",""]),[y,b]=h((m?.holidays||[]).join(", ")),[w,T]=h(null),[E,x]=h(!1),D=R=>z=>r({...i,[R]:z.currentTarget.value});async function te(R){R.preventDefault();let z=g.map(yl),se=z.findIndex(H=>H===null);if(c&&se>=0){T({message:`${Ba[se]}: write the opening hours as 09:00-17:30, several separated by commas, or leave it empty when closed.`});return}x(!0),T(null);try{let H={name:i.name,team_id:i.team_id,strategy:i.strategy,capacity:Number(i.capacity)||0,offer_mode:l.offer_mode,offline_return_seconds:Number(l.offline_return_seconds)||0};l.offer_mode&&(H.offer_timeout_seconds=Number(l.offer_timeout_seconds)||30);let Y=a?await v.updateQueue(a.id,H):await v.createQueue(H);s(Y),c?Y=await v.setBusinessHours(Y.id,{time_zone:d.trim(),weekly:z,holidays:y.split(/[\s,]+/).filter(Boolean)}):a?.business_hours&&await v.deleteBusinessHours(Y.id),C(e?`${i.name} is saved.`:`${i.name} is created.`,"success"),n()}catch(H){T(H)}finally{x(!1)}}let ne=e?`Edit queue ${e.name}`:"New queue";return o`
    <form class="card form-grid" onSubmit=${te} aria-label=${ne}>
      <${U} error=${w} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${i.name} onInput=${D("name")} placeholder="Support" /></label>
      <label class="field"><span>Team</span>
        <select name="team_id" value=${i.team_id} onChange=${D("team_id")} aria-describedby="q-team-help">
          <option value="">Every agent of the workspace</option>
          ${t.map(R=>o`<option value=${R.id}>${R.name}</option>`)}
        </select>
        <small id="q-team-help" class="muted">Whose members take this queue's conversations.</small></label>
      <label class="field"><span>Strategy</span>
        <select name="strategy" value=${i.strategy} onChange=${D("strategy")}>
          ${Zs.map(([R,z])=>o`<option value=${R}>${z}</option>`)}
          ${i.strategy==="external"&&o`<option value="external">External service — your routing service decides</option>`}
        </select></label>
      <label class="field"><span>Capacity per agent</span>
        <input type="number" name="capacity" min="0" max="1000" step="1" value=${i.capacity} onInput=${D("capacity")} aria-describedby="q-cap-help" />
        <small id="q-cap-help" class="muted">How many of this queue's conversations an agent may hold at once; 0 keeps each agent's own capacity.</small></label>
      <${wl} v=${l} onChange=${p} />
      <fieldset class="field queue-hours-edit">
        <legend>Business hours</legend>
        <label class="check"><input type="checkbox" name="hours" checked=${c} onChange=${R=>f(R.currentTarget.checked)} /> Open only at set hours</label>
        ${c?o`
          <label class="field"><span>Time zone</span><input required name="time_zone" list="q-zones" maxlength="64" value=${d}
            onInput=${R=>u(R.currentTarget.value)} aria-describedby="q-zone-help" />
            <small id="q-zone-help" class="muted">The hours are wall-clock times of this zone, e.g. Europe/Berlin, so 09:00 stays 09:00 across daylight-saving changes.</small></label>
          <datalist id="q-zones">${$l.map(R=>o`<option value=${R} />`)}</datalist>
          <div class="hours-week">
            ${Ba.map((R,z)=>o`
              <label class="field" key=${R}><span>${R}</span><input name=${"day-"+z} value=${g[z]} placeholder="Closed"
                onInput=${se=>{let H=[...g];H[z]=se.currentTarget.value,$(H)}} aria-describedby="q-day-help" /></label>`)}
          </div>
          <small id="q-day-help" class="muted">Opening hours as 09:00-17:30; several separated by commas (09:00-12:00, 13:00-17:00); empty when closed.</small>
          <label class="field"><span>Holidays</span><input name="holidays" value=${y} onInput=${R=>b(R.currentTarget.value)}
            placeholder="2026-12-25, 2026-12-26" aria-describedby="q-hol-help" />
            <small id="q-hol-help" class="muted">Closed days, YYYY-MM-DD, separated by commas.</small></label>`:o`<small class="muted">Always open.</small>`}
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${E||!i.name.trim()}>${e?"Save queue":"Create queue"}</button>
        <button type="button" class="button ghost" onClick=${n}>Cancel</button></div>
    </form>`}function wl({v:e,onChange:t}){let n=a=>s=>t({...e,[a]:s.currentTarget.type==="checkbox"?s.currentTarget.checked:s.currentTarget.value});return o`
    <fieldset class="field queue-offers-edit">
      <legend>Offers and returns</legend>
      <label class="check"><input type="checkbox" name="offer_mode" checked=${e.offer_mode} onChange=${n("offer_mode")} aria-describedby="q-offer-help" /> Offer conversations to agents</label>
      <small id="q-offer-help" class="muted">The strategy's agent accepts or declines each conversation; when it declines or lets the time pass, the next agent is asked.</small>
      ${e.offer_mode&&o`
        <label class="field"><span>Seconds to accept</span>
          <input type="number" name="offer_timeout_seconds" required min="1" max="600" step="1" value=${e.offer_timeout_seconds} onInput=${n("offer_timeout_seconds")} /></label>`}
      <label class="field"><span>Back to the queue after (seconds offline)</span>
        <input type="number" name="offline_return_seconds" min="0" max="86400" step="1" value=${e.offline_return_seconds} onInput=${n("offline_return_seconds")} aria-describedby="q-return-help" />
        <small id="q-return-help" class="muted">When an agent holding this queue's conversations is offline this long, they go back to the queue; 0 never.</small></label>
    </fieldset>`}var kl=1,Ha=e=>({key:kl++,queue_id:e.queue_id||"",inbox_id:e.inbox_id||"",verified:e.verified===!0?"true":e.verified===!1?"false":"",attributes:Object.entries(e.attributes||{}).map(([t,n])=>`${t}=${n}`).join(", "),page_url_prefix:e.page_url_prefix||""});function Cl(e){let t={};for(let n of e.split(",").map(a=>a.trim()).filter(Boolean)){let a=n.indexOf("=");if(a<=0)return null;t[n.slice(0,a).trim()]=n.slice(a+1).trim()}return t}function Sl({queues:e,inboxes:t}){let[n,a]=h(null),[s,i]=h(null),[r,l]=h(!1),[p,m]=h(!1);_(()=>{v.routingRules().then(y=>a(y.map(Ha))).catch(y=>{k(y,"Could not load the routing rules"),a([])})},[]);let c=y=>{a(y),m(!0)},f=(y,b)=>w=>{let T=[...n];T[y]={...T[y],[b]:w.currentTarget.value},c(T)};function d(y,b,w){let T=[...n];[T[y],T[y+b]]=[T[y+b],T[y]],c(T),setTimeout(()=>{let E=document.querySelector(`[data-rule="${y+b}"]`);(E?.querySelector(`.${w}:not(:disabled)`)||E?.querySelector(".move-up:not(:disabled), .move-down:not(:disabled)"))?.focus()},0)}function u(y){c(n.filter((b,w)=>w!==y)),setTimeout(()=>document.querySelector(`[data-rule="${Math.min(y,n.length-2)}"] select`)?.focus()||document.querySelector(".rules-add")?.focus(),0)}function g(){c([...n,Ha({queue_id:e.find(y=>!y.default)?.id||e[0]?.id})]),setTimeout(()=>document.querySelector(`[data-rule="${n.length}"] select`)?.focus(),0)}async function $(y){y.preventDefault();let b=[];for(let[w,T]of n.entries()){let E=Cl(T.attributes);if(E===null){i({message:`Rule ${w+1}: write the contact attributes as name=value, several separated by commas.`});return}b.push({queue_id:T.queue_id,inbox_id:T.inbox_id||void 0,verified:T.verified===""?void 0:T.verified==="true",attributes:Object.keys(E).length?E:void 0,page_url_prefix:T.page_url_prefix.trim()||void 0})}l(!0),i(null);try{let w=await v.setRoutingRules(b);a(w.rules.map(Ha)),m(!1),C("The routing rules are saved.","success")}catch(w){i(w)}finally{l(!1)}}return o`
    <section class="card rules" aria-labelledby="rules-title">
      <div class="card-head"><div>
        <h2 id="rules-title">Routing rules</h2>
        <p class="muted">When a visitor's first message makes a conversation wait, the first rule whose conditions all hold puts it in that rule's queue; when none does, it goes to its inbox's queue. Empty conditions hold always.</p>
      </div></div>
      ${n===null?o`<div class="spinner" role="status" aria-label="Loading the routing rules"></div>`:o`
        <form onSubmit=${$} aria-label="Routing rules">
          <${U} error=${s} />
          ${!n.length&&o`<p class="muted">No rules: every conversation goes to its inbox's queue.</p>`}
          <ol class="rule-list">
            ${n.map((y,b)=>o`
              <li key=${y.key} data-rule=${b}>
                <fieldset class="rule">
                  <legend>Rule ${b+1}</legend>
                  <div class="rule-grid">
                    <label class="field"><span>Queue</span>
                      <select name="queue_id" value=${y.queue_id} onChange=${f(b,"queue_id")}>
                        ${e.map(w=>o`<option value=${w.id}>${w.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Inbox</span>
                      <select name="inbox_id" value=${y.inbox_id} onChange=${f(b,"inbox_id")}>
                        <option value="">Any inbox</option>
                        ${t.map(w=>o`<option value=${w.id}>${w.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Visitor</span>
                      <select name="verified" value=${y.verified} onChange=${f(b,"verified")}>
                        <option value="">Verified or guest</option>
                        <option value="true">Verified by your site</option>
                        <option value="false">Guest</option>
                      </select></label>
                    <label class="field"><span>Contact attributes</span>
                      <input name="attributes" value=${y.attributes} onInput=${f(b,"attributes")} placeholder="plan=enterprise, language=de"
                        aria-describedby="rules-attr-help" /></label>
                    <label class="field"><span>Page URL starts with</span>
                      <input name="page_url_prefix" type="url" maxlength="2048" value=${y.page_url_prefix} onInput=${f(b,"page_url_prefix")}
                        placeholder="https://shop.example.com/pricing" /></label>
                  </div>
                  <div class="form-actions">
                    <button type="button" class="button small ghost move-up" disabled=${b===0} onClick=${()=>d(b,-1,"move-up")}
                      aria-label=${`Move up rule ${b+1}`}>Move up</button>
                    <button type="button" class="button small ghost move-down" disabled=${b===n.length-1} onClick=${()=>d(b,1,"move-down")}
                      aria-label=${`Move down rule ${b+1}`}>Move down</button>
                    <button type="button" class="button small danger-ghost" onClick=${()=>u(b)} aria-label=${`Remove rule ${b+1}`}>Remove</button>
                  </div>
                </fieldset>
              </li>`)}
          </ol>
          <small id="rules-attr-help" class="muted">Contact attributes: name=value, several separated by commas; each must equal the contact's attribute, as text.</small>
          <div class="form-actions rules-actions">
            <button type="button" class="button rules-add" onClick=${g} disabled=${!e.length}>Add rule</button>
            <button type="submit" class="button primary" disabled=${r||!p}>Save rules</button>
          </div>
        </form>`}
    </section>`}var Tl={agents:qs,inboxes:Ls,tokens:Os,audit:Us,"sign-in":Ws,branding:Fs,context:js,webhooks:Hs,apps:Vs,teams:Js,queues:Xs};function ei({page:e,id:t}){let n=Tl[e],a=ke.value==="admin"||e==="audit"&&ke.value==="supervisor";return o`
    <main class="pane-admin" id="main" tabindex="-1">
      ${n?a?o`<${n} id=${t} />`:o`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:o`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function P({title:e,sub:t,children:n}){return o`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&o`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${n}</div>
    </header>`}function U({error:e}){return e?o`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&o`<ul>${e.fields.map(t=>o`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}var Al=/^[A-Za-z][A-Za-z0-9_]{0,63}$/,ti=e=>typeof e=="string"?e:JSON.stringify(e);function ni({contact:e,onDone:t}){let[n,a]=h({name:e.name||"",email:e.email||"",phone:e.phone||""}),[s,i]=h(Object.entries(e.attributes||{}).map(([u,g])=>({k:u,v:ti(g),orig:g}))),[r,l]=h(null),[p,m]=h(!1),c=u=>g=>a({...n,[u]:g.currentTarget.value}),f=(u,g)=>$=>i(s.map((y,b)=>b===u?{...y,[g]:$.currentTarget.value}:y));async function d(u){u.preventDefault();let g={};for(let $ of s){let y=$.k.trim();if(y){if(!Al.test(y)){l({message:`“${y}” is not a valid attribute name: a letter, then letters, digits or _.`});return}g[y]=$.orig!==void 0&&typeof $.orig!="string"&&$.v===ti($.orig)?$.orig:$.v}}m(!0);try{let $=await Re(`/api/v1/contacts/${encodeURIComponent(e.id)}`,{...n,attributes:g});de.value={...de.value,[$.id]:$},C("Contact saved.","success"),t()}catch($){l($)}finally{m(!1)}}return o`
    <form class="contact-edit" onSubmit=${d} aria-label="Edit contact">
      <${U} error=${r} />
      <label class="field"><span>Name</span><input id="contact-edit-name" maxlength="200" value=${n.name} onInput=${c("name")} /></label>
      <label class="field"><span>Email</span><input type="email" id="contact-edit-email" value=${n.email} onInput=${c("email")} /></label>
      <label class="field"><span>Phone</span><input type="tel" id="contact-edit-phone" maxlength="256" value=${n.phone} onInput=${c("phone")} /></label>
      <fieldset class="field">
        <legend>Attributes</legend>
        ${s.map((u,g)=>o`
          <div class="attr-row" key=${g}>
            <input aria-label=${"Attribute "+(g+1)+" name"} class="attr-key" value=${u.k} onInput=${f(g,"k")} placeholder="name" />
            <input aria-label=${"Attribute "+(g+1)+" value"} class="attr-value" value=${u.v} onInput=${f(g,"v")} placeholder="value" />
            <button type="button" class="icon-button" aria-label=${"Remove attribute "+(u.k||g+1)}
              onClick=${()=>i(s.filter(($,y)=>y!==g))}>×</button>
          </div>`)}
        <button type="button" class="button small ghost" id="contact-add-attr" onClick=${()=>i([...s,{k:"",v:""}])}>Add attribute</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button primary small" disabled=${p}>Save</button>
        <button type="button" class="button ghost small" onClick=${t}>Cancel</button>
      </div>
    </form>`}function ai({contactId:e}){let t=`/api/v1/contacts/${encodeURIComponent(e)}/notes`,[n,a]=h(null),[s,i]=h(""),[r,l]=h(!1);_(()=>{let c=!0;return a(null),I(t).then(f=>c&&a(f.items),()=>c&&a([])),()=>{c=!1}},[e]);async function p(c){if(c.preventDefault(),!!s.trim()){l(!0);try{let f=await N(t,{body:s});a([f,...n||[]]),i("")}catch(f){k(f,"Could not save the note")}finally{l(!1)}}}async function m(c){if(confirm("Delete this note?"))try{await ye(`${t}/${encodeURIComponent(c.id)}`),a(n.filter(f=>f.id!==c.id))}catch(f){k(f,"Could not delete the note")}}return o`
    <section class="panel-section" aria-labelledby="contact-notes">
      <h3 id="contact-notes">Notes <span class="muted small">· only your team sees them</span></h3>
      <form class="note-form" onSubmit=${p}>
        <label class="sr-only" for="contact-note-text">New note on this contact</label>
        <textarea id="contact-note-text" rows="2" maxlength="4000" placeholder="Add a note about this contact…"
          value=${s} onInput=${c=>i(c.currentTarget.value)}></textarea>
        <button type="submit" class="button small" disabled=${r||!s.trim()}>Add note</button>
      </form>
      ${n===null?o`<div class="spinner small" role="status" aria-label="Loading notes"></div>`:n.length>0&&o`<ul class="contact-notes">
            ${n.map(c=>o`<li key=${c.id} class="contact-note" data-note=${c.id}>
              <p class="contact-note-body">${c.body}</p>
              <div class="muted small">${c.author_name} · <time datetime=${c.created_at} title=${X(c.created_at)}>${L(c.created_at)}</time>
                <button type="button" class="link-button" aria-label=${"Delete note by "+c.author_name} onClick=${()=>m(c)}>Delete</button></div>
            </li>`)}
          </ul>`}
    </section>`}function Il(e){return String(e).split(/(?=\.)|(?<=@)/).flatMap((t,n)=>n?[o`<wbr />`,t]:[t])}var oi={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function Un({conv:e}){let t=e.contact_id,[n,a]=h(null),[s,i]=h(!1);_(()=>{i(!1),ge(t);let f=!0;return v.conversations({contact_id:t}).then(d=>{if(f){for(let u of d)u.status!=="open"&&Se(u);a(d)}}).catch(()=>f&&a([])),()=>{f=!1}},[t]);let r=de.value[t],l=le(t),p=r&&!r.missing?Object.entries(r.attributes||{}).filter(([f])=>f!=="unverified_email"):[],m=r&&!r.missing?[["Email",r.email],["Email (unverified)",r.attributes?.unverified_email],["Phone",r.phone],["External ID",r.external_id],["First seen",r.created_at&&L(r.created_at)]].filter(([,f])=>f):[],c=(n||[]).filter(f=>f.id!==e.id&&f.status!=="open");return o`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${Ae} id=${t} name=${l} size="lg" />
        <h2 id="contact-title">${l}</h2>
        ${r&&!r.missing&&(r.verified?o`<span class="verified" title="Identified by your website's back-end"><${An} size=${14} /> Verified</span>`:o`<span class="unverified">Guest · not verified</span>`)}
        ${r&&!r.missing&&!s&&o`<button type="button" class="button small ghost" id="contact-edit" onClick=${()=>i(!0)}>Edit contact</button>`}
      </div>
      ${s&&r&&!r.missing&&o`<section class="panel-section"><${ni} contact=${r} onDone=${()=>i(!1)} /></section>`}
      ${!r&&o`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${r?.missing&&o`<p class="muted small center">Contact details are not available.</p>`}
      ${!s&&m.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${m.map(([f,d])=>o`<dt>${f}</dt><dd>${f.startsWith("Email")?Il(d):d}</dd>`)}</dl>
        </section>`}
      ${!s&&p.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${p.map(([f,d])=>o`<dt>${f}</dt><dd>${typeof d=="object"?JSON.stringify(d):String(d)}</dd>`)}</dl>
        </section>`}
      ${r&&!r.missing&&o`<${ai} contactId=${t} />`}
      <${Ds} conv=${e} />
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${n===null?o`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:c.length===0?o`<p class="muted small">None — this is the first.</p>`:o`<ul class="mini-list">
              ${c.map(f=>o`<li key=${f.id}>
                <a href=${oe(oi[f.status],f.id)} onClick=${d=>{d.preventDefault(),j(oe(oi[f.status],f.id))}}>
                  <span class=${"status status-"+f.status}>${f.status}</span>
                  <span class="muted small">${be(f.inbox_id)} · ${L(f.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function si({list:e,conversation:t}){_(()=>{cs(e)},[e,Ce.value,Me.value]),_(()=>{t?$n(t):we.value=""},[t]);let n=ot.value[e]||[],a=pn.value&&e!=="resolved"||!ls(e),s=t?K.value[t]:null;return o`
    <${Cs} list=${e} items=${n} loading=${a} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?s?o`<${zn} key=${t} conv=${s} list=${e} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`
          <div class="empty">
            <div class="empty-icon"><${it} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${s&&o`<${Un} key=${s.contact_id} conv=${s} />`}`}function ii({q:e=""}){let[t,n]=h(e);return _(()=>n(e),[e]),o`
    <form role="search" class="nav-search" onSubmit=${a=>{a.preventDefault();let s=t.trim();s&&j(za(s))}}>
      <label for="search-input" class="sr-only">Search messages</label>
      <input id="search-input" type="search" class="input small" placeholder="Search messages" value=${t}
        maxlength="500" onInput=${a=>n(a.currentTarget.value)} />
    </form>`}function ri({q:e,conversation:t,seq:n}){let[a,s]=h({items:null,cursor:"",loading:!1});_(()=>{let p=!0;return s({items:null,cursor:"",loading:!0}),v.search(e).then(m=>p&&s({items:m.items||[],cursor:m.next_cursor||"",loading:!1}),m=>{p&&(s({items:[],cursor:"",loading:!1}),k(m,"Could not search"))}),()=>{p=!1}},[e]),_(()=>{t?$n(t,n):we.value=""},[t,n]);let i=async()=>{s(p=>({...p,loading:!0}));try{let p=await v.search(e,a.cursor);s(m=>({items:[...m.items,...p.items||[]],cursor:p.next_cursor||"",loading:!1}))}catch(p){s(m=>({...m,loading:!1})),k(p,"Could not search")}},r=a.items||[],l=t?K.value[t]:null;return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">Search</h1>
        <span class="muted small" aria-live="polite">${a.items===null?"Searching…":`${r.length}${a.cursor?"+":""} result${r.length===1&&!a.cursor?"":"s"}`}</span>
      </header>
      ${a.items!==null&&!r.length?o`
        <div class="empty small-empty">
          <h2>Nothing found</h2>
          <p class="muted">No message holds every word of “${e}”.</p>
        </div>`:o`
        <ul class="conv-list search-results" aria-label=${"Messages found for "+e}>
          ${r.map(p=>o`<${El} key=${p.message.id} h=${p} q=${e} selected=${t===p.conversation_id&&n===p.message.seq} />`)}
          ${a.cursor&&o`
            <li class="conv-more"><button type="button" class="button ghost small block" disabled=${a.loading} onClick=${i}>
              ${a.loading?"Loading…":"More results"}</button></li>`}
        </ul>`}
    </section>
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?l?o`<${zn} key=${t} conv=${l} list="search" target=${n} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`<div class="empty"><h2>Pick a result</h2><p class="muted">It opens its conversation at that message.</p></div>`}
    </main>
    ${l&&o`<${Un} key=${l.contact_id} conv=${l} />`}`}function El({h:e,q:t,selected:n}){let a=e.message,s=K.value[e.conversation_id];s&&ge(s.contact_id);let i=a.sender?.type==="contact"?s?le(s.contact_id):"Visitor":a.sender?.display_name||"Agent",r=za(t,e.conversation_id,a.seq);return o`
    <li>
      <a href=${r} class=${"conv-item search-hit"+(n?" selected":"")} aria-current=${n?"true":void 0}
        data-conversation=${e.conversation_id} data-seq=${a.seq}
        onClick=${l=>{!l.metaKey&&!l.ctrlKey&&(l.preventDefault(),j(r))}}>
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${a.kind==="note"&&o`<${yt} size=${12} /> `}${i}</span>
            <time class="conv-time" datetime=${a.created_at}>${L(a.created_at)}</time>
          </span>
          <span class="search-snippet">${(e.snippet||[]).map(l=>l.match?o`<mark>${l.text}</mark>`:l.text)}</span>
        </span>
      </a>
    </li>`}var Nl="Hi! Can I help you with anything?";function Dl(e,t){let n=Math.max(0,Math.floor((t-Date.parse(e))/6e4));return n<1?"< 1 min":n<60?`${n} min`:`${Math.floor(n/60)} h ${n%60} min`}function li(){let[e,t]=h(null),[n,a]=h([]),[s,i]=h(""),r=W(0),l=Ve(15e3),p=async()=>{try{let[d,u]=await Promise.all([I("/api/v1/visitors/online",{limit:200}),I("/api/v1/visitors/recent",{limit:50})]);t(Object.fromEntries(d.items.map(g=>[g.contact_id,g]))),a(u.items)}catch(d){k(d)}},m=()=>{clearTimeout(r.current),r.current=setTimeout(p,300)};_(()=>{let d=()=>xe({type:"subscribe_visitors"}).then(p,()=>{});d();let u=We(g=>{if(g.type==="ready"&&d(),g.type!=="visitor")return;let $=g.visitor;t(y=>{let b={...y||{}};return g.event==="offline"?delete b[$.contact_id]:b[$.contact_id]?b[$.contact_id]={...b[$.contact_id],...$}:m(),b}),g.event==="offline"&&m()});return()=>{u(),clearTimeout(r.current),xe({type:"unsubscribe_visitors"}).catch(()=>{})}},[]);let c=Object.values(e||{}).sort((d,u)=>Date.parse(d.since)-Date.parse(u.since)),f=Sa("conversations:write")||Sa("all");return o`
    <main class="pane-admin visitors-page" id="main" tabindex="-1">
      <${P} title="Visitors" sub="People on your site now, live, and the contacts seen recently." />
      <section class="card" aria-labelledby="visitors-online">
        <h2 id="visitors-online">On the site now ${e&&o`<span class="count" aria-label=${c.length+" visitors"}>${c.length}</span>`}</h2>
        ${e===null?o`<p class="muted" role="status">Loading…</p>`:c.length?o`
          <div class="table-wrap"><table class="table" aria-labelledby="visitors-online">
            <thead><tr><th scope="col">Visitor</th><th scope="col">Page</th><th scope="col">On site</th><th scope="col">Identity</th><th scope="col">Visits</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${c.map(d=>o`
                <tr key=${d.contact_id} data-visitor=${d.contact_id}>
                  <td class="strong">${d.name||"Guest"}${d.email&&o`<div class="muted small">${d.email}</div>`}</td>
                  <td class="details">${d.page?.url?o`<a href=${d.page.url} target="_blank" rel="noopener noreferrer" class="visitor-page">${d.page.title||d.page.url}</a>
                    <div class="muted small">${d.page.url}</div>`:o`<span class="muted">—</span>`}</td>
                  <td title=${X(d.since)}>${Dl(d.since,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                  <td><span class=${"tag"+(d.returning?"":" tag-muted")}>${d.returning?"Returning":"New"}</span></td>
                  <td>${f&&(s===d.contact_id?o`<${ql} visitor=${d} onDone=${()=>i("")} />`:o`<button type="button" class="button small" onClick=${()=>i(d.contact_id)}
                        aria-label=${"Invite "+(d.name||"this guest")+" to chat"}>Invite</button>`)}</td>
                </tr>`)}
            </tbody>
          </table></div>`:o`<p class="muted" role="status">Nobody is on the site right now.</p>`}
      </section>
      <section class="card" aria-labelledby="visitors-recent">
        <h2 id="visitors-recent">Seen recently</h2>
        ${n.length?o`
          <div class="table-wrap"><table class="table" aria-labelledby="visitors-recent">
            <thead><tr><th scope="col">Contact</th><th scope="col">Last seen</th><th scope="col">Identity</th></tr></thead>
            <tbody>
              ${n.map(d=>o`
                <tr key=${d.id} data-recent=${d.id}>
                  <td class="strong">${d.name||"Guest"}${d.email&&o`<div class="muted small">${d.email}</div>`}</td>
                  <td title=${X(d.last_seen_at)}>${d.online?"On the site now":L(d.last_seen_at,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                </tr>`)}
            </tbody>
          </table></div>`:o`<p class="muted">No visit has ended yet.</p>`}
      </section>
    </main>`}function ql({visitor:e,onDone:t}){let[n,a]=h(Nl),[s,i]=h(!1),r=W(null);_(()=>{r.current?.focus(),r.current?.select()},[]);let l=async m=>{m.preventDefault(),i(!0);try{await N(`/api/v1/visitors/${encodeURIComponent(e.contact_id)}/invitations`,{message:n}),C(`Invitation sent to ${e.name||"the guest"}.`,"success"),t()}catch(c){k(c)}finally{i(!1)}},p="invite-"+e.contact_id;return o`
    <form class="invite-form" onSubmit=${l} onKeyDown=${m=>{m.key==="Escape"&&t()}}>
      <label for=${p} class="sr-only">Invitation message</label>
      <textarea id=${p} ref=${r} rows="2" maxlength="1000" required value=${n} onInput=${m=>a(m.target.value)}></textarea>
      <div class="form-actions">
        <button type="submit" class="button small primary" disabled=${s||!n.trim()}>Send invitation</button>
        <button type="button" class="button small ghost" onClick=${t}>Cancel</button>
      </div>
    </form>`}var Va=e=>e.toISOString().slice(0,10),ci={workspace:"Whole workspace",agent:"Agent",inbox:"Inbox",label:"Label"};function Wn(e){return e?e<60?`${Math.round(e)} s`:e<3600?`${Math.round(e/60)} min`:e<86400?`${(e/3600).toFixed(1)} h`:`${(e/86400).toFixed(1)} d`:"—"}function di(){let e=new Date,[t,n]=h({from:Va(new Date(e.getTime()-6*864e5)),to:Va(e),group_by:"workspace"}),[a,s]=h(null),[i,r]=h(null),[l,p]=h({});_(()=>{v.labels().then(d=>p(Object.fromEntries(d.items.map(u=>[u.id,u.name]))),()=>{})},[]),_(()=>{let d=!0;r(null);let u=Va(new Date(Date.parse(t.to)+864e5));return I("/api/v1/reports/conversations",{from:t.from,to:u,group_by:t.group_by}).then(g=>d&&s(g),g=>d&&(s(null),r(g))),()=>{d=!1}},[t.from,t.to,t.group_by]);let m=d=>u=>n({...t,[d]:u.currentTarget.value}),c=d=>t.group_by==="workspace"?"All conversations":d?t.group_by==="agent"?Be(d):t.group_by==="inbox"?be(d):l[d]||d:"Nobody",f=Math.max(1,...(a?.rows||[]).map(d=>d.conversations));return o`
    <main class="pane-admin" id="main" tabindex="-1">
      <${P} title="Reports" sub="Conversations started in the range, how fast they were answered and resolved, and what visitors thought." />
      <form class="report-filters field-row" onSubmit=${d=>d.preventDefault()}>
        <label class="field"><span>From</span><input type="date" id="report-from" value=${t.from} max=${t.to} onChange=${m("from")} /></label>
        <label class="field"><span>To</span><input type="date" id="report-to" value=${t.to} min=${t.from} onChange=${m("to")} /></label>
        <label class="field"><span>Split by</span>
          <select id="report-group" value=${t.group_by} onChange=${m("group_by")}>
            ${Object.entries(ci).map(([d,u])=>o`<option value=${d}>${u}</option>`)}
          </select></label>
      </form>
      ${i&&o`<div class="form-error" role="alert">${i.message}</div>`}
      ${!a&&!i?o`<div class="spinner" role="status" aria-label="Loading the report"></div>`:a&&o`
        <div class="table-wrap">
          <table class="table report-table" aria-label="Report">
            <thead><tr>
              <th scope="col">${ci[t.group_by]}</th><th scope="col">Conversations</th><th scope="col">Resolved</th>
              <th scope="col">First response (median · p90)</th><th scope="col">Resolution (median · p90)</th>
              <th scope="col">CSAT</th><th scope="col">Rated</th>
            </tr></thead>
            <tbody>
              ${a.rows.map(d=>o`
                <tr key=${d.key} data-key=${d.key}>
                  <th scope="row">${c(d.key)}</th>
                  <td class="report-count"><span class="report-bar" aria-hidden="true" style=${`width:${Math.round(d.conversations/f*60)}px`}></span>${d.conversations}</td>
                  <td>${d.resolved}</td>
                  <td>${Wn(d.first_response.median_seconds)} · ${Wn(d.first_response.p90_seconds)}</td>
                  <td>${Wn(d.resolution.median_seconds)} · ${Wn(d.resolution.p90_seconds)}</td>
                  <td class="report-csat">${d.csat_responses?`${d.csat_average.toFixed(1)} / 5`:"—"}</td>
                  <td>${d.csat_responses?`${d.csat_responses} (${Math.round(d.csat_response_rate*100)} %)`:"0"}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`}
    </main>`}var pi="parley.console.alertAfter",Rl=[30,60,120,300,600,1800],Pl=1e4,zl=1e3;function Ka(e){if(e=Math.max(0,Math.floor(e)),e<60)return`${e} s`;let t=Math.floor(e/60);return t<60?`${t} min ${String(e%60).padStart(2,"0")} s`:`${Math.floor(t/60)} h ${String(t%60).padStart(2,"0")} min`}var Fn=e=>e<60?`${e} s`:`${e/60} min`,Ml={online:"Online",away:"Away",offline:"Offline"};function ui(){let[e,t]=h(()=>Number(localStorage.getItem(pi))||120),[n,a]=h(null),[s,i]=h(null),r=Ve(1e3),l=W(0),p=W(0),m=W(0),c=W(e);c.current=e;let f=async()=>{let b=++l.current;p.current=Date.now();try{let w=await I("/api/v1/supervisor/overview",{alert_after:c.current});b===l.current&&(a({overview:w,at:Date.now()}),i(null))}catch(w){b===l.current&&i(w)}},d=()=>{m.current||(m.current=setTimeout(()=>{m.current=0,f()},Math.max(0,zl-(Date.now()-p.current))))};_(()=>{let b=We(T=>{["conversation","event","message","ready"].includes(T.type)&&d()}),w=setInterval(f,Pl);return()=>{b(),clearInterval(w),clearTimeout(m.current),m.current=0}},[]),_(()=>{f()},[e]);let u=n?.overview,g=n?Math.max(0,(r-n.at)/1e3):0,$=b=>u?.queues.find(w=>w.id===b)?.name||"Queue",y=b=>w=>{w.metaKey||w.ctrlKey||(w.preventDefault(),j(oe("queue",b)))};return o`
    <main class="pane-admin supervisor-page" id="main" tabindex="-1">
      <${P} title="Supervisor" sub="Queues and agents now, live. Conversations waiting too long are flagged.">
        <label class="field field-inline"><span>Alert after</span>
          <select id="alert-after" aria-label="Alert after" value=${e} onChange=${b=>{let w=Number(b.currentTarget.value);localStorage.setItem(pi,String(w)),t(w)}}>
            ${Rl.map(b=>o`<option value=${b}>${Fn(b)}</option>`)}
          </select></label>
      <//>
      ${s&&o`<div class="form-error" role="alert">${s.message}</div>`}
      ${u?o`
        <section class=${"card sup-alerts"+(u.alerts_total?" sup-alerts-on":"")} aria-labelledby="sup-alerts">
          <h2 id="sup-alerts">Waiting longer than ${Fn(u.alert_after_seconds)}
            <span class=${"badge "+(u.alerts_total?"badge-danger":"badge-quiet")} data-alerts=${u.alerts_total}>${u.alerts_total}</span></h2>
          <p class="sr-only" role="status" aria-live="polite">${u.alerts_total===1?"1 conversation is":`${u.alerts_total} conversations are`} waiting longer than ${Fn(u.alert_after_seconds)}.</p>
          ${u.alerts.length?o`
            <div class="table-wrap"><table class="table" aria-labelledby="sup-alerts">
              <thead><tr><th scope="col">Visitor</th><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Priority</th></tr></thead>
              <tbody>
                ${u.alerts.map(b=>o`
                  <tr key=${b.conversation_id} data-alert=${b.conversation_id} class="sup-alert-row">
                    <th scope="row"><a href=${oe("queue",b.conversation_id)} onClick=${y(b.conversation_id)}>${b.contact_name||"Guest"}</a></th>
                    <td>${$(b.queue_id)}</td>
                    <td class="sup-wait">${Ka(b.wait_seconds+g)}</td>
                    <td>${b.priority?Wa[b.priority]||b.priority:"—"}</td>
                  </tr>`)}
              </tbody>
            </table></div>`:o`<p class="muted">No conversation has waited that long.</p>`}
        </section>
        <section class="card" aria-labelledby="sup-queues">
          <h2 id="sup-queues">Queues</h2>
          <div class="table-wrap"><table class="table sup-table" aria-labelledby="sup-queues">
            <thead><tr>
              <th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Longest wait</th><th scope="col">Assigned</th>
              <th scope="col">Online</th><th scope="col">Away</th><th scope="col">Offline</th><th scope="col">At capacity</th>
            </tr></thead>
            <tbody>
              ${u.queues.map(b=>o`
                <tr key=${b.id} data-queue=${b.id} class=${b.alerts?"sup-over":""}>
                  <th scope="row">${b.name}${b.default&&b.name.toLowerCase()!=="default"&&o` <span class="tag tag-muted">Default</span>`}</th>
                  <td data-col="waiting">${b.waiting}${b.alerts>0&&o` <span class="tag tag-bad">${b.alerts} over ${Fn(u.alert_after_seconds)}</span>`}</td>
                  <td data-col="longest" class="sup-wait">${b.waiting?Ka(b.longest_wait_seconds+g):"—"}</td>
                  <td data-col="assigned">${b.assigned}</td>
                  <td data-col="online">${b.agents_online}</td>
                  <td data-col="away">${b.agents_away}</td>
                  <td data-col="offline">${b.agents_offline}</td>
                  <td data-col="capacity">${b.agents_at_capacity}</td>
                </tr>`)}
            </tbody>
          </table></div>
        </section>
        <section class="card" aria-labelledby="sup-agents">
          <h2 id="sup-agents">Agents</h2>
          <div class="table-wrap"><table class="table sup-table" aria-labelledby="sup-agents">
            <thead><tr>
              <th scope="col">Agent</th><th scope="col">Status</th><th scope="col">Open</th><th scope="col">Capacity</th><th scope="col">Last reply</th>
            </tr></thead>
            <tbody>
              ${u.agents.map(b=>o`
                <tr key=${b.id} data-agent=${b.id}>
                  <th scope="row">${b.name}</th>
                  <td data-col="presence"><span class=${"presence-dot p-"+b.presence} aria-hidden="true"></span> ${Ml[b.presence]||b.presence}</td>
                  <td data-col="open">${b.open_conversations}${b.open_offers>0&&o` <span class="muted small">+ ${b.open_offers} offered</span>`}</td>
                  <td data-col="capacity">${b.capacity||"No limit"}${b.at_capacity&&o` <span class="tag tag-bad">Full</span>`}</td>
                  <td data-col="reply">${b.seconds_since_last_reply==null?o`<span class="muted">—</span>`:`${Ka(b.seconds_since_last_reply+g)} ago`}</td>
                </tr>`)}
            </tbody>
          </table></div>
        </section>`:!s&&o`<div class="spinner" role="status" aria-label="Loading the live view"></div>`}
    </main>`}function Ya(){return o`
    <div class="toasts" role="status" aria-live="polite">
      ${gt.value.map(e=>o`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>Ia(e.id)}><${$t} size=${16} /></button>
        </div>`)}
    </div>`}var mi=ae(()=>{let e=Object.values(ue.value);return e.sort((t,n)=>t.offered_at<n.offered_at?-1:t.offered_at>n.offered_at?1:0),e[0]||null}),Qa=new Set;function Wt(e){let t=mi.value;if(!t)return!1;let n=t.conversation_id;return Qa.has(n)||(Qa.add(n),ps(n,e).then(a=>{e&&a?.status==="assigned"&&j(oe("mine",n))}).finally(()=>Qa.delete(n))),!0}var fi=e=>Math.max(0,Math.ceil((e.deadline-Date.now())/1e3));function Ll(e){let t=e?.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||!!e?.isContentEditable}function hi(){let e=mi.value,[,t]=h(0),n=W(null);_(()=>{if(!e)return;let p=setInterval(()=>{fi(e)<=0&&Mt(e.conversation_id),t(m=>m+1)},250);return()=>clearInterval(p)},[e?.id]),_(()=>{e&&n.current&&!Ll(document.activeElement)&&n.current.focus()},[e?.id]);let a=e&&K.value[e.conversation_id],s=a?le(a.contact_id):"A visitor",i=e&&pe.value[e.conversation_id],r=a?be(a.inbox_id):"",l=Object.keys(ue.value).length-1;return o`
    <div class="sr-only" aria-live="assertive">${e?`Conversation offered to you: ${s}. Press a to accept, d to decline.`:""}</div>
    ${e&&o`
      <div class="offer-prompt" role="alertdialog" aria-labelledby="offer-title" aria-describedby="offer-desc" data-offer=${e.conversation_id} data-offer-id=${e.id}>
        <h2 id="offer-title">Conversation offered to you</h2>
        <div id="offer-desc">
          <p><span class="offer-visitor strong">${s}</span>${r&&o` <span class="muted">in ${r}</span>`}</p>
          ${i?.body&&o`<blockquote class="offer-message">${i.body.length>200?i.body.slice(0,200)+"…":i.body}</blockquote>`}
        </div>
        <p class="offer-countdown"><span class="offer-seconds">${fi(e)}</span> s left to answer${l>0?` · ${l} more waiting`:""}</p>
        <div class="offer-actions">
          <button type="button" class="button primary" ref=${n} aria-keyshortcuts="a" onClick=${()=>Wt(!0)}>
            Accept <kbd aria-hidden="true">a</kbd></button>
          <button type="button" class="button" aria-keyshortcuts="d" onClick=${()=>Wt(!1)}>
            Decline <kbd aria-hidden="true">d</kbd></button>
        </div>
      </div>`}`}var Ke=A(!1),Ol=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["l","Add a label"],["a","Accept the conversation offered to you"],["d","Decline the conversation offered to you"],["/","Insert a canned response (in the reply box)"],["1 – 4","Queue, Mine, All open, Resolved"],["5","Snoozed"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],jn=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function gi(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function bi(e){let t=st.value;if(t.section!=="inbox")return;let n=ot.value[t.list]||[];if(!n.length)return;let a=n.findIndex(s=>s.id===t.conversation);a=a<0?e>0?0:n.length-1:Math.min(n.length-1,Math.max(0,a+e)),j(oe(t.list,n[a].id))}function vi(){_(()=>{let e=t=>{if(!J.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&gi(document.activeElement)){document.activeElement.blur();return}if(gi(t.target)||Ke.value)return;let n={1:"queue",2:"mine",3:"open",4:"resolved",5:"snoozed"};switch(t.key){case"j":bi(1);break;case"k":bi(-1);break;case"r":jn("reply");break;case"n":jn("note");break;case"l":{let a=document.getElementById("add-label");a&&(t.preventDefault(),a.focus());break}case"t":jn("take");break;case"a":if(!Wt(!0))return;break;case"d":if(!Wt(!1))return;break;case"e":jn("resolve");break;case"?":Ke.value=!0;break;default:if(n[t.key]){j(oe(n[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function yi(){let e=W(null);return _(()=>{let t=e.current;t&&(Ke.value&&!t.open&&t.showModal(),!Ke.value&&t.open&&t.close())},[Ke.value]),o`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{Ke.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${Ol.map(([t,n])=>o`<tr><td><kbd>${t}</kbd></td><td>${n}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var Ja="parley.console.activeAt",xt="parley.console.idleAway",Ne=A(!1),Hn=A(0),$i=Promise.resolve();function Ht(e){Hn.value++;let t=$i.then(()=>v.presence(e));return $i=t.catch(()=>{}).finally(()=>{Hn.value--}),t}var Ft=0,Za=0,Bn=0,xi=0,jt=()=>"online",Xa=()=>{},_i=["keydown","pointerdown","pointermove","wheel","focus"];function wi(e,t,n){if(ki(),jt=t,Xa=n,Ne.value=localStorage.getItem(xt)==="1",Ft=Math.max(0,Number(e)||0)*1e3,!Ft){Ne.value&&Ti();return}for(let a of _i)window.addEventListener(a,Si,{capture:!0,passive:!0});document.addEventListener("visibilitychange",Ci),window.addEventListener("storage",Ei),Za=setInterval(Ul,Math.min(15e3,Math.max(250,Ft/4))),no(!0)}function eo(){ki(),to()}function ki(){clearInterval(Za),Za=0;for(let e of _i)window.removeEventListener(e,Si,{capture:!0});document.removeEventListener("visibilitychange",Ci),window.removeEventListener("storage",Ei)}function to(){localStorage.removeItem(xt),Ne.value=!1}function Ci(){document.hidden||no(!0)}function Si(e){no(e.type!=="pointermove"||Date.now()-Bn>250)}function no(e){if(!e)return;let t=Date.now();Bn=t,t-xi>=1e3&&(xi=t,localStorage.setItem(Ja,String(t))),Ne.value&&Ti()}var Ga=!1;function Ul(){if(Ga||Ne.value||jt()!=="online")return;let e=Math.max(Bn,Number(localStorage.getItem(Ja))||0),t=Date.now();t-e<Ft||(Ga=!0,Ht("away").then(()=>{if(jt()!=="online")return;Math.max(Bn,Number(localStorage.getItem(Ja))||0)>t?Ai():Ii(!0)},n=>{n?.status===401&&eo()}).finally(()=>{Ga=!1}))}function Ti(){Ii(!1),jt()==="online"&&Ai()}function Ai(){Ht("online").catch(()=>{localStorage.setItem(xt,"1"),Ne.value=!0})}function Ii(e){e?localStorage.setItem(xt,"1"):localStorage.removeItem(xt),Ni(e)}function Ei(e){e.key===xt&&Ni(e.newValue==="1")}function Ni(e){Ne.value!==e&&(Ne.value=e,e?(Xa("away"),C(`You are away: no activity for ${Wl(Ft/1e3)}. You will be online again when you come back.`)):jt()==="online"&&(Xa("online"),C("Welcome back: you are online again.")))}function Wl(e){return e%3600===0?e===3600?"1 hour":`${e/3600} hours`:e%60===0?e===60?"1 minute":`${e/60} minutes`:e===1?"1 second":`${e} seconds`}var Fl=[["online","Online"],["away","Away"],["offline","Offline"]],Ye=A(""),qi="parley.console.presence",Di=()=>localStorage.getItem(qi)||"online";function Ri(){zi(Di(),!0),wi(J.value?.away_after_seconds,Di,e=>{Ye.value=e})}async function Pi(){eo();try{await Ht("offline")}catch{}Ye.value=""}async function zi(e,t){let n=Ye.value;Ye.value=e,t||(localStorage.setItem(qi,e),to());try{let a=await Ht(e);a?.status?Ye.value=a.status:a?.presence&&(Ye.value=a.presence)}catch(a){Ye.value=n,t||k(a,"Could not change your status")}}function Mi({onLogout:e}){let t=J.value?.agent||{},n=Ye.value||t.presence||"offline";return o`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${Ae} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+n} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence" aria-busy=${Hn.value>0?"true":"false"}>
        <legend class="sr-only">Your status</legend>
        ${Fl.map(([a,s])=>o`
          <label class=${"presence-option"+(n===a?" checked":"")}>
            <input type="radio" name="presence" value=${a} checked=${n===a}
              onChange=${()=>zi(a)} />
            <span class=${"presence-dot p-"+a} aria-hidden="true"></span>${a==="away"&&Ne.value?"Away (idle)":s}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${Fe.value!=="granted"&&Fe.value!=="unsupported"?o`
          <button type="button" class="button ghost small" onClick=${async()=>{await Jo(),Fe.value==="granted"?C("Notifications are on.","success"):Fe.value==="denied"&&C("Notifications are blocked in your browser settings.","error")}}><${bs} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${qt.value} onChange=${a=>Zo(a.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{Ke.value=!0}} aria-keyshortcuts="?">
            <${$s} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${vs} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var jl={queue:wn,mine:kn,open:it,snoozed:In,resolved:Cn};function Li(){if(_(()=>{Pa()},[]),_(()=>{J.value&&(hs(),ds(),Ri())},[J.value?.agent?.id]),vi(),!Ca.value)return o`<div class="splash" role="status" aria-live="polite"><${Nn} /><span class="sr-only">Loading…</span></div>`;if(!J.value)return o`<${_s} onLoggedIn=${async()=>{await Pa(),!st.value.list&&st.value.section!=="admin"&&j(oe("queue"),{replace:!0})}} /><${Ya} />`;let e=st.value;return o`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${Hl} />
      ${e.section==="admin"?o`<${ei} page=${e.page} id=${e.id} />`:e.section==="visitors"?o`<${li} />`:e.section==="reports"?o`<${di} />`:e.section==="supervisor"?o`<${ui} />`:e.section==="search"?o`<${ri} q=${e.q} conversation=${e.conversation} seq=${e.seq} />`:o`<${si} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${hi} />
    <${yi} />
    <${Ya} />`}function Hl(){let e=st.value,t=ot.value,n={queue:t.queue.length,mine:t.mine.length,open:t.open.length,snoozed:null,resolved:null},a=t.mine.reduce((l,p)=>l+(re.value[p.id]||0),0),s=ke.value==="admin",i=s||ke.value==="supervisor",r=(l,p,m,c,f)=>o`
    <li><a href=${l} class=${"nav-link"+(c?" active":"")} aria-current=${c?"page":void 0}
      onClick=${d=>{!d.metaKey&&!d.ctrlKey&&(d.preventDefault(),j(l))}}>
      <${m} /><span class="nav-label">${p}</span>${f}</a></li>`;return o`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${Dn} /></div>
      <${Bl} />
      <${ii} q=${e.section==="search"?e.q:""} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","snoozed","resolved"].map(l=>r(oe(l),Ut[l],jl[l],e.section==="inbox"&&e.list===l,o`${l==="mine"&&a>0?o`<span class="badge badge-accent" aria-label=${a+" unread"}>${a}</span>`:n[l]?o`<span class="count" aria-label=${n[l]+" conversations"}>${n[l]}</span>`:null}`))}
        ${r(`${M}/visitors`,"Visitors",Sn,e.section==="visitors")}
      </ul>
      ${i&&o`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${s&&r(`${M}/admin/agents`,"Agents",Sn,e.section==="admin"&&e.page==="agents")}
          ${s&&r(`${M}/admin/inboxes`,"Inboxes",La,e.section==="admin"&&e.page==="inboxes")}
          ${s&&r(`${M}/admin/teams`,"Teams",Sn,e.section==="admin"&&e.page==="teams")}
          ${s&&r(`${M}/admin/queues`,"Queues",Ot,e.section==="admin"&&e.page==="queues")}
          ${s&&r(`${M}/admin/tokens`,"API tokens",Ma,e.section==="admin"&&e.page==="tokens")}
          ${s&&r(`${M}/admin/sign-in`,"Sign-in",Ma,e.section==="admin"&&e.page==="sign-in")}
          ${s&&r(`${M}/admin/branding`,"Branding",La,e.section==="admin"&&e.page==="branding")}
          ${s&&r(`${M}/admin/context`,"Customer data",Ot,e.section==="admin"&&e.page==="context")}
          ${s&&r(`${M}/admin/webhooks`,"Webhooks",Tn,e.section==="admin"&&e.page==="webhooks")}
          ${s&&r(`${M}/admin/apps`,"Apps",An,e.section==="admin"&&e.page==="apps")}
          ${r(`${M}/admin/audit`,"Audit log",Ot,e.section==="admin"&&e.page==="audit")}
          ${r(`${M}/supervisor`,"Supervisor",it,e.section==="supervisor")}
          ${r(`${M}/reports`,"Reports",Ot,e.section==="reports")}
        </ul>`}
      <div class="nav-foot">
        <${Mi} onLogout=${async()=>{await Pi();let l=await I("/api/v1/auth/options").catch(()=>null);try{await jo()}catch(p){k(p)}xs({endSessionURL:l?.oidc?.end_session_url||""}),bn(),C("You are signed out.","info")}} />
      </div>
    </nav>`}function Bl(){let e=et.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return o`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&o`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${Vo}><${En} size=${14} /></button>`}
    </div>`}Wo(()=>{J.value&&(bn(),C("Your session has ended. Please sign in again.","error"))});aa(o`<${Li} />`,document.getElementById("app"));

var P,jn,Wa,Me,Oa,jt,Hn,Wt,Bn,Fa,Ua,hi,_t=Symbol.for("pv"),Ht={},Bt=[],gi=/^m(i|n|o|s|text|space)$/,ja=Array.isArray,Ha=Bt.slice,Qe=Object.assign;function Ke(e){e&&e.parentNode&&e.remove()}function wt(e,t,a){var n,i,s,r={},l=arguments.length;for(s in t)s=="key"?n=t[s]:s=="ref"&&typeof e!="function"?i=t[s]:r[s]=t[s];return l>2&&(r.children=l>3?Ha.call(arguments,2):a),xt(e,r,n,i,null)}function xt(e,t,a,n,i){var s={type:e,props:t,key:a,ref:n,__k:null,__:null,__b:0,__e:null,__c:null,constructor:_t,__v:i||++jn,__i:-1,__u:0};return!i&&P.vnode&&P.vnode(s),s}function Ge(e){return e.children}function Ye(e,t){this.props=e,this.context=t,this.__g=0}function Le(e,t){if(t==null)return e.__&&Le(e.__,e.__i+1);for(var a;t<e.__k.length;t++)if((a=e.__k[t])&&a.__e)return a.__e;return typeof e.type!="function"||e.props.__P?null:Le(e)}function bi(e){var t,a=e.__v,n=a.__e,i=[],s=[],r=e.__P;r&&((t=Qe({constructor:_t},a)).__v=a.__v+1,P.vnode&&P.vnode(t),Ba(r,t,a,e.__n,r.namespaceURI,32&a.__u?[n]:null,i,n||Le(a),32&a.__u,s),t.__v=a.__v,t.__.__k[t.__i]=t,Jn(i,t,s),a.__=a.__e=null,t.__e!=n&&Vn(t))}function Vn(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),Vn(e)}function Wn(e){(8&e.__g||(e.__g|=8,Me.push(e),jt++))&&Oa==P.debounceRendering||((Oa=P.debounceRendering)||queueMicrotask)(Kn)}function Kn(){try{for(var e,t=1;Me.length;)Me.length>t&&Me.sort(Hn),e=Me.shift(),t=Me.length,8&e.__g&&bi(e)}finally{(jt=Me.length)&&(Oa||queueMicrotask)(Kn)}}function Qn(e,t,a,n,i,s,r,l,u,m,c){var f,d,p,g,$,y,b=n.__k||Bt,w=t.length;for(u=vi(a,t,b,u,w),f=0;f<w;f++)(p=a.__k[f])!=null&&(d=~p.__i&&b[p.__i]||Ht,p.__i=f,y=Ba(e,p,d,i,s,r,l,u,m,c),g=p.__e,(d.ref!=p.ref||8&d.__u)&&(d.ref&&Va(d.ref,null,p,d),p.ref&&c.push(p.ref,p.__c||g,p)),$=$||g,4&p.__u?(u=Yn(p,u,e,!d.__v),d.__e&&(d.__e=null)):typeof p.type=="function"&&y!==void 0?u=y:g&&(u=g.nextSibling),p.__u&=-21);return a.__e=$,u}function vi(e,t,a,n,i){var s,r,l,u,m,c,f,d,p,g=a.length,$=g,y=0,b=0,w=e.__k=Array(i);for(s=0;s<i;s++)(r=t[s])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=w[s]=xt(null,r):ja(r)?r=w[s]=xt(Ge,{children:r}):r.constructor===_t&&r.__b?r=w[s]=xt(r.type,r.props,r.key,r.ref,r.__v):w[s]=r,u=s+y,r.__=e,r.__b=e.__b+1,l=null,~(m=r.__i=$i(r,a,u,$))&&($--,(l=a[m])&&(l.__u|=2)),l&&l.__v?(r.__u|=16,m==u-1?y--:m==u+1?y++:m!=u&&(m>u?y--:y++,b=1)):(~m||(i>g?y--:i<g&&y++),typeof r.type!="function"&&(r.__u|=4))):w[s]=null;if(b){for(c=[],f=[],s=0;s<i;s++)if((r=w[s])&&16&r.__u){for(y=0,d=c.length;y<d;)c[p=y+d>>1]<r.__i?y=p+1:d=p;c[y]=r.__i,f[s]=y+1}for(y=c.length;s--;)f[s]&&(f[s]==y?y--:w[s].__u|=4)}if($)for(s=0;s<g;s++)!(l=a[s])||2&l.__u||(l.__e==n&&(n=Le(l)),Ka(l,l));return n}function Yn(e,t,a,n){var i,s,r,l;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(s=0;s<i.length;s++)i[s]&&(i[s].__=e,t=Yn(i[s],t,a,!1));return t}for(t&&!t.parentNode&&(t=Le(e))&&!t.parentNode&&(t=null),r=e.__e,l=t;l&&l.nodeType==8;)l=l.nextSibling;for(r!=l&&(!n&&a.moveBefore&&r.parentNode?a.moveBefore(r,t):a.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function $i(e,t,a,n){var i,s=e.key,r=e.type,l=t[a],u=l&&!(2&l.__u);if(l===null&&s==null||u&&s==l.key&&r==l.type)return a;if(n>(u?1:0)){for(i=a-1;i>=0;i--)if((l=t[i])&&!(2&l.__u)&&s==l.key&&r==l.type)return i;for(i=a+1;i<t.length;i++)if((l=t[i])&&!(2&l.__u)&&s==l.key&&r==l.type)return i}return-1}function Fn(e,t,a){a==null&&(a=""),t[0]=="-"?e.setProperty(t,a):e[t]=a}function Ut(e,t,a,n,i){var s,r;if(t=="style")if(typeof a=="string")e.style.cssText=a;else{if(typeof n=="string"&&(e.style.cssText=n=""),n)for(t in n)a&&t in a||Fn(e.style,t);if(a)for(t in a)n&&a[t]==n[t]||Fn(e.style,t,a[t])}else if(t[0]=="o"&&t[1]=="n")typeof a!="function"&&(a=null),typeof n!="function"&&(n=null),(e.__e||(e.__e={}))[t]=a,a&&n||(r=Ua[t]||(Ua[t]=yi(t)),(e.__a||(e.__a={}))[t]=Fa,s=t!=(t=t.replace(Bn,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),a?e.addEventListener(t,r,s):e.removeEventListener(t,r,s));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=a??"")}catch{}if(typeof a=="function")return;a==null||a===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&a==1?"":a)}}function yi(e){return function(t){var a=this.__e;if(a){if(a=a[e],t[Wt]==null)t[Wt]=Fa++;else if(t[Wt]<this.__a[e])return;return a(P.event?P.event(t):t)}}}function Ba(e,t,a,n,i,s,r,l,u,m){var c,f,d,p,g,$,y,b,w,T,I,x,R,N,z,ue,F,ae,fe=t.type;if(t.constructor!==_t)return null;128&a.__u&&(u=32&a.__u,c=a.__c.__z)&&(t.__u|=u,f=s=[],c.nodeType==8?l=Ft(c,s):s.push(c),l=s[0]||l),(c=P.__b)&&c(t);e:if(typeof fe=="function"){d=r.length;try{if(b=t.props,w=(c=fe.prototype)&&c.render,T=(c=fe.contextType)&&n[c.__c],I=c?T?T.props.value:c.__:n,(p=a.__c)?(t.__c=p,2&p.__g&&(p.__g|=1)):(w?t.__c=p=new fe(b,I):(t.__c=p=new Ye(b,I),p.constructor=fe,p.render=_i),T&&T.sub(p),p.state||(p.state={}),p.__n=n,p.__g|=8,p.__h=[],p.__k=[]),w&&(p.__s||(p.__s=p.state),fe.getDerivedStateFromProps&&(p.__s==p.state&&(p.__s=Qe({},p.__s)),Qe(p.__s,fe.getDerivedStateFromProps(b,p.__s)))),g=p.props,$=p.state,p.__v=t,a.__c){if(b!==g&&w&&!fe.getDerivedStateFromProps&&p.componentWillReceiveProps&&p.componentWillReceiveProps(b,I),t.__v==a.__v&&!(8&p.__g)||!(4&p.__g)&&p.shouldComponentUpdate&&p.shouldComponentUpdate(b,p.__s,I)===!1){t.__v!=a.__v&&(p.props=b,p.state=p.__s,p.__g&=-9),t.__e=a.__e,t.__k=a.__k,t.__k.some(function(ne){ne&&(ne.__=t)}),Bt.push.apply(p.__h,p.__k),p.__k=[],p.__h.length&&r.push(p),l=Le(a);break e}p.componentWillUpdate&&p.componentWillUpdate(b,p.__s,I),w&&p.componentDidUpdate&&p.__h.push(function(){p.componentDidUpdate(g,$,y)})}else w&&!fe.getDerivedStateFromProps&&p.componentWillMount&&p.componentWillMount(),w&&p.componentDidMount&&p.__h.push(p.componentDidMount);p.context=I,p.props=b,p.__P=e,p.__g&=-5,x=P.__r,R=w?25:0;do p.__g&=-9,x&&x(t),c=p.render(p.props,p.state=p.__s,p.context);while(8&p.__g&&++R<25);w&&(Bt.push.apply(p.__h,p.__k),p.__k=[]),p.state=p.__s,p.getChildContext&&(n=Qe({},n,p.getChildContext())),w&&a.__c&&p.getSnapshotBeforeUpdate&&(y=p.getSnapshotBeforeUpdate(g,$)),N=c&&c.type===Ge&&c.key==null?c.props.children:c,b.__P&&(c=l,i=(e=b.__P).namespaceURI,u=s=null,a.props&&a.props.__P!=e&&(a.__k.some(function(ne){ne&&Ka(ne,ne)}),a.__k=null),l=a.__k?Le(a,0):null),l=Qn(e,ja(N)?N:[N],t,a,n,i,s,r,l,u,m),b.__P&&(t.__e=null,l=c),t.__u&=-161,f&&f.some(Ke),p.__h.length&&r.push(p),1&p.__g&&(p.__g&=-4)}catch(ne){if(r.length=d,t.__v=null,u||s)if(ne&&ne.then){if(t.__u|=128|u,s){for(~(F=s.indexOf(l||void 0))||(F=s.length);(ae=s[F-1])&&ae.nodeType==8;)F--;for(;F<s.length;F++)if(ae=s[F])if(s[F]=null,z){if(ae==ue)break}else{if(ae.nodeType!=8)break;ae.data.startsWith("$s")&&(ue=Ft(z=ae))}}if(!z){for(;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;z=l}(c=Ft(z=t.__c.__z||(t.__c.__z=z)))?(t.__e=z,l=c):t.__e=l,l=l&&l.nextSibling}else s&&s.some(Ke);else t.__e=a.__e;t.__k||(t.__k=a.__k||[]),ne&&ne.then||Gn(t),P.__e(ne,t,a)}}else l=t.__e=xi(a.__e,t,a,n,i,s,r,u,m,e);return(c=P.diffed)&&c(t),l}function Ft(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var a=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))a++;else if(e.data.startsWith("/$s")&&!--a)return e}t&&t.push(e)}}function Gn(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Gn))}function Jn(e,t,a){for(var n=0;n<a.length;)Va(a[n++],a[n++],a[n++]);P.__c&&P.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(s){s.call(i)})}catch(s){P.__e(s,i.__v)}})}function xi(e,t,a,n,i,s,r,l,u,m){var c,f,d,p,g,$,y,b,w=a.props||Ht,T=t.props,I=t.type;if(I=="svg"?i="http://www.w3.org/2000/svg":I=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),s){for(c=0;c<s.length;c++)if((g=s[c])&&(I?g.localName==I:g.nodeType==3)){e=g,s[c]=null;break}}if(!e){if(b=m.ownerDocument||document,!I)return b.createTextNode(T);e=b.createElementNS(i,I,T.is?T:m),l&&(P.__m&&P.__m(t,s),l=!1),s=null}if(I){if(m=I=="template"&&e.content||e,s=I=="textarea"&&T.defaultValue!=null?null:s&&Ha.call(m.childNodes),!l&&s)for(w={},c=0;c<e.attributes.length;c++)w[(g=e.attributes[c]).name]=g.value;for(c in w)g=w[c],c=="dangerouslySetInnerHTML"?d=g:c=="children"||c in T||c=="value"&&"defaultValue"in T||c=="checked"&&"defaultChecked"in T||Ut(e,c,null,g,i);for(c in T)g=T[c],c=="children"?p=g:c=="dangerouslySetInnerHTML"?f=g:c=="value"?$=g:c=="checked"?y=g:l&&typeof g!="function"||w[c]===g||Ut(e,c,g,w[c],i);f?(l||d&&(f.__html==d.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):(d&&(e.textContent=""),(I=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&gi.test(I))&&(i="http://www.w3.org/1999/xhtml"),Qn(m,ja(p)?p:[p],t,a,n,i,s,r,s?s[0]:a.__k&&Le(a,0),l,u),s&&s.some(Ke)),l&&I!="textarea"||(c="value",I=="progress"&&$==null?e.removeAttribute(c):$==null||$===e[c]&&(I!="progress"||$)||Ut(e,c,$,w[c],i),c="checked",y!=null&&y!=e[c]&&Ut(e,c,y,w[c],i))}else w===T||l&&e.data==T||(e.data=T);return e}function Va(e,t,a,n){try{typeof e=="function"?t?t.__x=e(t)||1:n&&(n=n.__c||n.__e)&&(t=n.__x)&&(n.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){P.__e(i,a)}}function Ka(e,t,a){var n,i,s,r;if(P.unmount&&P.unmount(e),!(n=e.ref)||n.current&&n.current!=e.__e||Va(n,null,t,e),n=e.__c){if(n.componentWillUnmount)try{n.componentWillUnmount()}catch(l){P.__e(l,t)}n.__P=n.__n=null}if(n=e.__k)for(r=0;r<n.length;r++)n[r]&&Ka(n[r],t,typeof e.type!="function"||a&&!e.props.__P);!a&&(n=e.__c)&&(n=n.__z)&&(i=Ft(n,s=[]))&&(n==e.__e&&s.some(Ke),Ke(i),Ke(n)),a||Ke(e.__e),e.__e=e.__c=e.__=null}function _i(e,t,a){return this.constructor(e,a)}function Qa(e,t){var a,n,i,s;P.__&&P.__(e,t),t.nodeType==9&&(t=t.documentElement),n=(a=e&&32&e.__u)?null:t.__k,t.__k=xt(Ge,{children:[e]}),i=[],s=[],Ba(t,t.__k,n||Ht,Ht,t.namespaceURI,n?null:t.firstChild?Ha.call(t.childNodes):null,i,n?n.__e:t.firstChild,a,s),Jn(i,t.__k,s),t.__k.props.children=null}P={__e:function(e,t,a,n){for(var i,s,r;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((r=(s=i.constructor)&&s.getDerivedStateFromError)&&i.setState(s.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,n||{}),r=1),r&&8&i.__g)return void(i.__g|=2)}catch(l){e=l}}throw jt=0,e}},jn=0,Wa=function(e){return e!=null&&e.constructor===_t},Ye.prototype.setState=function(e,t){var a=this.__s;a&&a!=this.state||(a=this.__s=Qe({},this.state)),typeof e=="function"&&(e=e(Qe({},a),this.props)),e&&(Qe(a,e),this.__v&&(t&&this.__k.push(t),Wn(this)))},Ye.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),Wn(this))},Ye.prototype.render=Ge,Me=[],jt=0,Hn=function(e,t){return e.__v.__b-t.__v.__b},Wt=Symbol(),Bn=/(PointerCapture)$|Capture$/i,Fa=0,Ua={},hi=0;var Xn=function(e,t,a,n){var i;t[0]=0;for(var s=1;s<t.length;s++){var r=t[s++],l=t[s]?(t[0]|=r?1:2,a[t[s++]]):t[++s];r===3?n[0]=l:r===4?n[1]=Object.assign(n[1]||{},l):r===5?(n[1]=n[1]||{})[t[++s]]=l:r===6?n[1][t[++s]]+=l+"":r?(i=e.apply(l,Xn(e,l,a,["",null])),n.push(i),l[0]?t[0]|=2:(t[s-2]=0,t[s]=i)):n.push(l)}return n},Zn=new Map;function eo(e){var t=Zn.get(this);return t||(t=new Map,Zn.set(this,t)),(t=Xn(this,t.get(e)||(t.set(e,t=(function(a){for(var n,i,s=1,r="",l="",u=[0],m=function(d){s===1&&(d||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?u.push(0,d,r):s===3&&(d||r)?(u.push(3,d,r),s=2):s===2&&r==="..."&&d?u.push(4,d,0):s===2&&r&&!d?u.push(5,0,!0,r):s>=5&&((r||!d&&s===5)&&(u.push(s,0,r,i),s=6),d&&(u.push(s,d,0,i),s=6)),r=""},c=0;c<a.length;c++){c&&(s===1&&m(),m(c));for(var f=0;f<a[c].length;f++)n=a[c][f],s===1?n==="<"?(m(),u=[u],s=3):r+=n:s===4?r==="--"&&n===">"?(s=1,r=""):r=n+r[0]:l?n===l?l="":r+=n:n==='"'||n==="'"?l=n:n===">"?(m(),s=1):s&&(n==="="?(s=5,i=r,r=""):n==="/"&&(s<5||a[c][f+1]===">")?(m(),s===3&&(u=u[0]),s=u,(u=u[0]).push(2,0,s),s=0):n===" "||n==="	"||n===`
`||n==="\r"?(m(),s=2):r+=n),s===3&&r==="!--"&&(s=4,u=u[0])}return m(),u})(e)),t),arguments,[])).length>1?t:t[0]}var o=eo.bind(wt);var it,Q,Ya,to,Ga=Object.is,Vt=0,po=[],Ja=[],V=P,ao=V.__b,no=V.__r,oo=V.diffed,so=V.__c,io=V.unmount,ro=V.__;function Kt(e,t){V.__h&&V.__h(Q,e,Vt||t),Vt=0;var a=Q.__H||(Q.__H={__:[],__h:[]});return e>=a.__.length&&a.__.push({}),a.__[e]}function h(e){return Vt=1,wi(fo,e)}function wi(e,t,a){var n=Kt(it++,2);if(n.t=e,!n.__c&&(n.__=[a?a(t):fo(void 0,t),function(s){var r=(n.__N||n.__)[0],l=n.t(r,s);Ga(r,l)||(n.__N=[l,n.__[1]],n.__c.setState({}))}],n.__c=Q,!Q.__f)){Q.__f=!0;var i=Q.shouldComponentUpdate;Q.shouldComponentUpdate=function(s,r,l){var u=this.__H;if(!u)return!0;var m=!1,c=this.props!=s;if(u.__.some(function(d){d.__N&&(m=!0,Ga(d.__[0],d.__N[0])||(c=!0))}),i){var f=i.call(this,s,r,l);return m?f||c:f}return!m||c}}return n.__}function _(e,t){var a=Kt(it++,3);!V.__s&&Xa(a.__H,t)&&(a.__P=!0,a.__=e,a.u=t,Q.__H.__h.push(a))}function uo(e,t){var a=Kt(it++,4);!V.__s&&Xa(a.__H,t)&&(a.__P=!1,a.__=e,a.u=t,Q.__h.push(a))}function U(e){return Vt=5,Qt(function(){return{current:e}},[])}function Qt(e,t){var a=Kt(it++,7);return Xa(a.__H,t)&&(a.__=e(),a.__H=t),a.__}function ki(){var e;do{for(;e=Ja.shift();)try{kt(e)}catch(a){V.__e(a,{__:(e=e.__P)&&e.__v})}for(;e=po.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(kt),t.__h.some(Za),t.__h=[]}catch(a){t.__h=[],V.__e(a,e.__v)}}}while(Ja.length)}V.__b=function(e){Q=null,ao&&ao(e)},V.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ro&&ro(e,t)},V.__r=function(e){no&&no(e),it=0;var t=(Q=e.__c).__H;t&&(Ya==Q?Q.__h=[]:(t.__h.some(kt),t.__h.some(Za),it=0),t.__h=[],t.__.some(function(a){a.__N&&(a.__=a.__N),a.u=a.__N=void 0})),Ya=Q},V.diffed=function(e){oo&&oo(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&co(po.push(t)),t.__H.__.some(function(a){a.u&&(a.__H=a.u)})),Ya=Q=null},V.__c=function(e,t){t.some(function(a){try{a.__h.some(kt),a.__h=a.__h.filter(function(n){return!n.__||Za(n)})}catch(n){a.__h=[function(){throw n}]}}),so&&so(e,t)},V.unmount=function(e){io&&io(e);var t,a,n=e.__c;n&&n.__H&&(n.__H.__.some(function(i){try{if(i.__P&&i.__c){if(a===void 0){for(a=e.__;a&&(!a.__c||!a.__c.__P);)a=a.__;a=a&&a.__c}i.__P=a,co(Ja.push(i))}else kt(i)}catch(s){t=s}}),n.__H=void 0,t&&V.__e(t,n.__v))};var lo=typeof requestAnimationFrame=="function";function Ci(e){var t,a=function(){clearTimeout(n),lo&&cancelAnimationFrame(t),setTimeout(e)},n=setTimeout(a,35);lo&&(t=requestAnimationFrame(a))}function co(e){e!=1&&to==V.requestAnimationFrame||((to=V.requestAnimationFrame)||Ci)(ki)}function kt(e){var t=Q,a=e.__c;typeof a=="function"&&(e.__c=void 0,a()),Q=t}function Za(e){var t=Q;e.__c=e.__(),Q=t}function Xa(e,t){return!e||e.length!=t.length||t.some(function(a,n){return!Ga(a,e[n])})}function fo(e,t){return typeof t=="function"?t(e):t}var Si=Symbol.for("preact-signals");function Zt(){if(Ne>1)Ne--;else{var e,t=!1;for((function(){var i=Gt;for(Gt=void 0;i!==void 0;){var s=i.S;if(s.v===i.v)for(var r=s.t;r!==void 0;r=r.x)r.i===i.i&&(r.i=s.i);i=i.o}})();St!==void 0;){var a=St;for(St=void 0,Yt++;a!==void 0;){var n=a.u;if(a.u=void 0,a.f&=-3,!(8&a.f)&&ho(a))try{a.c()}catch(i){t||(e=i,t=!0)}a=n}}if(Yt=0,Ne--,t)throw e}}function Oe(e){if(Ne>0)return e();en=++Ti,Ne++;try{return e()}finally{Zt()}}var Ct,j=void 0;function Tt(e){var t=j,a=Ct;j=void 0,Ct=void 0;try{return e()}finally{j=t,Ct=a}}var St=void 0,Ne=0,Yt=0,Ti=0,en=0,Gt=void 0,Jt=0;function mo(e){if(j!==void 0){var t=e.n;if(t===void 0||t.t!==j)return t={i:0,S:e,p:j.s,n:void 0,t:j,e:void 0,x:void 0,r:t},j.s!==void 0&&(j.s.n=t),j.s=t,e.n=t,32&j.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=j.s,t.n=void 0,j.s.n=t,j.s=t),t}}function Z(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}Z.prototype.brand=Si;Z.prototype.h=function(){return!0};Z.prototype.S=function(e){var t=this,a=this.t;a!==e&&e.e===void 0&&(e.x=a,this.t=e,a!==void 0?a.e=e:Tt(function(){var n;(n=t.W)==null||n.call(t)}))};Z.prototype.U=function(e){var t=this;if(this.t!==void 0){var a=e.e,n=e.x;a!==void 0&&(a.x=n,e.e=void 0),n!==void 0&&(n.e=a,e.x=void 0),e===this.t&&(this.t=n,n===void 0&&Tt(function(){var i;(i=t.Z)==null||i.call(t)}))}};Z.prototype.subscribe=function(e){var t=this;return De(function(){var a=t.value;Tt(function(){return e(a)})},{name:"sub"})};Z.prototype.valueOf=function(){return this.value};Z.prototype.toString=function(){return this.value+""};Z.prototype.toJSON=function(){return this.value};Z.prototype.peek=function(){var e=this;return Tt(function(){return e.value})};Object.defineProperty(Z.prototype,"value",{get:function(){var e=mo(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(Yt>100)throw new Error("Cycle detected");(function(a){Ne!==0&&Yt===0&&a.l!==en&&(a.l=en,Gt={S:a,v:a.v,i:a.i,o:Gt})})(this),this.v=e,this.i++,Jt++,Ne++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{Zt()}}}});function E(e,t){return new Z(e,t)}function ho(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function go(e){for(var t=e.s;t!==void 0;t=t.n){var a=t.S.n;if(a!==void 0&&(t.r=a),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function bo(e){for(var t=e.s,a=void 0;t!==void 0;){var n=t.p;t.i===-1?(t.S.U(t),n!==void 0&&(n.n=t.n),t.n!==void 0&&(t.n.p=n)):a=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=n}e.s=a}function Je(e,t){Z.call(this,void 0,t),this.x=e,this.s=void 0,this.g=Jt-1,this.f=4}Je.prototype=new Z;Je.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===Jt))return!0;if(this.g=Jt,this.f|=1,this.i>0&&!ho(this))return this.f&=-2,!0;var e=j;try{go(this),j=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(a){this.v=a,this.f|=16,this.i++}return j=e,bo(this),this.f&=-2,!0};Je.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}Z.prototype.S.call(this,e)};Je.prototype.U=function(e){if(this.t!==void 0&&(Z.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};Je.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(Je.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=mo(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function ee(e,t){return new Je(e,t)}function vo(e){var t=e.j;if(e.j=void 0,typeof t=="function"){Ne++;var a=j;j=void 0;try{t()}catch(n){throw e.f&=-2,e.f|=8,tn(e),n}finally{j=a,Zt()}}}function tn(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,vo(e)}function Ai(e){if(j!==this)throw new Error("Out-of-order effect");bo(this),j=e,this.f&=-2;try{8&this.f&&tn(this)}finally{Zt()}}function rt(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,Ct&&Ct.push(this)}rt.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};rt.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,vo(this),go(this),Ne++;var e=j;return j=this,Ai.bind(this,e)};rt.prototype.N=function(){2&this.f||(this.f|=2,this.u=St,St=this)};rt.prototype.d=function(){this.f|=8,1&this.f||tn(this)};rt.prototype.dispose=function(){this.d()};function De(e,t){var a=new rt(e,t);try{a.c()}catch(i){throw a.d(),i}var n=a.d.bind(a);return n[Symbol.dispose]=n,n}var $o,ea,Xt,Ii=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var yo=[];De(function(){$o=this.N})();function lt(e,t){P[e]=t.bind(null,P[e]||function(){})}function At(e){if(Xt){var t=Xt;Xt=void 0,t()}Xt=e&&e.S()}function xo(e){var t=this,a=e.data,n=Ni(a);n.name="ReactiveDom",n.value=a;var i=Qt(function(){for(var l=t,u=t.__v;u=u.__;)if(u.__c){u.__c.__$f|=4;break}var m=ee(function(){var p=n.value.value;return p===0?0:p===!0?"":p||""}),c=ee(function(){return!Array.isArray(m.value)&&!Wa(m.value)}),f=De(function(){if(this.N=_o,c.value){var p=m.value;l.__v&&l.__v.__e&&l.__v.__e.nodeType===3&&(l.__v.__e.data=p)}}),d=t.__$u.d;return t.__$u.d=function(){f(),d.call(this)},[c,m]},[]),s=i[0],r=i[1];return s.value?r.peek():r.value}xo.displayName="ReactiveTextNode";Object.defineProperties(Z.prototype,{constructor:{configurable:!0,value:wt(Ge,null).constructor},type:{configurable:!0,value:xo},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});lt("__b",function(e,t){if(At(),ea=void 0,typeof t.type=="string"){var a,n=t.props;for(var i in n)if(i!=="children"){var s=n[i];s instanceof Z&&(a||(t.__np=a={}),a[i]=s,n[i]=s.peek())}}e(t)});lt("__r",function(e,t){if(e(t),t.type!==Ge){At();var a,n=t.__c;n&&(n.__$f&=-2,(a=n.__$u)===void 0&&(n.__$u=a=(function(i,s){var r;return De(function(){r=this},{name:s}),r.c=i,r})((function(i){return function(){var s;Ii&&((s=this.y)==null||s.call(this)),i.__$f|=1,i.setState({})}})(n),typeof t.type=="function"?t.type.displayName||t.type.name:""))),ea=n,At(a)}});lt("__e",function(e,t,a,n){At(),ea=void 0,e(t,a,n)});lt("diffed",function(e,t){At(),ea=void 0;var a;if(typeof t.type=="string"&&(a=t.__e)){var n=t.__np,i=t.props,s=a.U;if(s)for(var r in s){var l=s[r];l===void 0||n&&r in n||(l.d(),s[r]=void 0)}if(n){s||(s={},a.U=s);for(var u in n){var m=s[u],c=n[u];m===void 0?(m=Ei(a,u,c,i),s[u]=m):m.o(c,i)}}}e(t)});function Ei(e,t,a,n){var i=t in e&&e.ownerSVGElement===void 0,s=E(a);return{o:function(r,l){s.value=r,n=l},d:De(function(){this.N=_o;var r=s.value.value;n[t]!==r&&(n[t]=r,i?e[t]=r:r!=null&&(r!==!1||t[4]==="-")?e.setAttribute(t,r):e.removeAttribute(t))})}}lt("unmount",function(e,t){if(typeof t.type=="string"){var a=t.__e;if(a){var n=a.U;if(n){a.U=void 0;for(var i in n){var s=n[i];s&&s.d()}}}var r=t.__np;if(r){var l=t.props;for(var u in r)l[u]=r[u]}t.__np=void 0}else{var m=t.__c;if(m){m.__$f|=8;var c=m.__$u;c&&(m.__$u=void 0,c.d())}}e(t)});lt("__h",function(e,t,a,n){n<3&&(t.__$f|=2),e(t,a,n)});Ye.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var a=this.__$u,n=a&&a.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var s=2&this.__$f;if(!(n||s||4&this.__$f)||1&this.__$f)return!0}else if(!(n||4&this.__$f)||3&this.__$f)return!0;for(var r in e)if(r!=="__source"&&e[r]!==this.props[r])return!0;for(var l in this.props)if(!(l in e))return!0;return!1};function Ni(e,t){return Qt(function(){return E(e,t)},[])}var Di=function(e){queueMicrotask(function(){queueMicrotask(e)})};function Ri(){Oe(function(){for(var e;e=yo.shift();)$o.call(e)})}function _o(){yo.push(this)===1&&(P.requestAnimationFrame||Di)(Ri)}var wo="parley_csrf",Pi="X-CSRF-Token",dt=ko(wo);function ko(e){for(let t of document.cookie.split(";")){let[a,...n]=t.trim().split("=");if(a===e)return decodeURIComponent(n.join("="))}return""}var ut=class extends Error{constructor(t,a){super(a?.detail||a?.title||`Request failed (${t})`),this.status=t,this.code=a?.code||"",this.reason=a?.reason||"",this.fields=a?.errors||[]}};async function Pe(e,t,{body:a,query:n,headers:i={},raw:s}={}){let r=t;if(n){let d=new URLSearchParams;for(let[g,$]of Object.entries(n))$==null||$===""||(Array.isArray($)?$.forEach(y=>d.append(g,y)):d.set(g,String($)));let p=d.toString();p&&(r+="?"+p)}let l={Accept:"application/json",...i};e!=="GET"&&e!=="HEAD"&&(dt||(dt=ko(wo)),dt&&(l[Pi]=dt));let u;s!==void 0?u=s:a!==void 0&&(l["Content-Type"]="application/json",u=JSON.stringify(a));let m;try{m=await fetch(r,{method:e,headers:l,body:u,credentials:"same-origin"})}catch{throw new ut(0,{detail:"The server cannot be reached. Check your connection."})}if(m.status===204)return null;let c=await m.text(),f=null;if(c)try{f=JSON.parse(c)}catch{f=null}if(!m.ok){let d=new ut(m.status,f);throw m.status===401&&an&&!t.endsWith("/auth/login")&&an(d),d}return f}var an=null;function Co(e){an=e}var A=(e,t)=>Pe("GET",e,{query:t}),D=(e,t,a)=>Pe("POST",e,{body:t,query:a}),Re=(e,t)=>Pe("PATCH",e,{body:t}),pt=(e,t)=>Pe("PUT",e,{body:t}),$e=e=>Pe("DELETE",e);async function ct(e,t={},a=1e3){let n=[],i="";do{let s=await A(e,{...t,limit:200,cursor:i});n.push(...s.items||[]),i=s.next_cursor||""}while(i&&n.length<a);return n}async function So(e,t,a){let n=await D("/api/v1/auth/login",{email:e,password:t,workspace:a||void 0});return dt=n.csrf_token,n}async function To(){try{await D("/api/v1/auth/logout")}finally{dt=""}}var B=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,v={conversations:e=>ct("/api/v1/conversations",e),conversation:e=>A(B(e)),messages:(e,t)=>A(B(e)+"/messages",t),context:(e,t)=>A(B(e)+"/context",t),panels:e=>A(B(e)+"/panels").then(t=>t.items),panelToken:(e,t)=>D(`/api/v1/apps/${encodeURIComponent(e)}/panel-token`,{conversation_id:t}),send:(e,t)=>D(B(e)+"/messages",t),assign:(e,t)=>D(B(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,a)=>D(B(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:a}),unassign:(e,t)=>D(B(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>D(B(e)+"/resolve"),reopen:e=>D(B(e)+"/reopen"),markRead:(e,t)=>D(B(e)+"/read",{seq:t}),unread:e=>A(B(e)+"/unread"),myOffers:()=>A("/api/v1/me/offers"),acceptOffer:e=>D(B(e)+"/offer/accept"),declineOffer:e=>D(B(e)+"/offer/decline"),readStates:e=>A(B(e)+"/read-states"),upload:(e,t)=>Pe("POST",B(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>A(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>ct("/api/v1/agents"),createAgent:e=>D("/api/v1/agents",e),updateAgent:(e,t)=>Re(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>ct("/api/v1/inboxes"),createInbox:e=>D("/api/v1/inboxes",e),updateInbox:(e,t)=>Re(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>ct("/api/v1/tokens"),createToken:e=>D("/api/v1/tokens",e),revokeToken:e=>$e(`/api/v1/tokens/${encodeURIComponent(e)}`),contextEndpoints:()=>A("/api/v1/context-endpoints").then(e=>e.items),createContextEndpoint:e=>D("/api/v1/context-endpoints",e),rotateContextSecret:e=>D(`/api/v1/context-endpoints/${encodeURIComponent(e)}/secret`),deleteContextEndpoint:e=>$e(`/api/v1/context-endpoints/${encodeURIComponent(e)}`),webhooks:()=>ct("/api/v1/webhooks"),webhookEventTypes:()=>A("/api/v1/webhooks/event-types").then(e=>e.items),createWebhook:e=>D("/api/v1/webhooks",e),updateWebhook:(e,t)=>Re(`/api/v1/webhooks/${encodeURIComponent(e)}`,t),deleteWebhook:e=>$e(`/api/v1/webhooks/${encodeURIComponent(e)}`),rotateWebhookSecret:e=>D(`/api/v1/webhooks/${encodeURIComponent(e)}/rotate-secret`),pingWebhook:e=>D(`/api/v1/webhooks/${encodeURIComponent(e)}/ping`),webhookDeliveries:e=>A(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries`,{limit:25}).then(t=>t.items),webhookDelivery:(e,t)=>A(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}`),redeliverWebhook:(e,t)=>D(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}/redeliver`),teams:()=>A("/api/v1/teams").then(e=>e.items),createTeam:e=>D("/api/v1/teams",e),updateTeam:(e,t)=>Re(`/api/v1/teams/${encodeURIComponent(e)}`,t),deleteTeam:e=>$e(`/api/v1/teams/${encodeURIComponent(e)}`),queues:()=>A("/api/v1/queues").then(e=>e.items),createQueue:e=>D("/api/v1/queues",e),updateQueue:(e,t)=>Re(`/api/v1/queues/${encodeURIComponent(e)}`,t),deleteQueue:e=>$e(`/api/v1/queues/${encodeURIComponent(e)}`),setBusinessHours:(e,t)=>pt(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`,t),deleteBusinessHours:e=>$e(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`),routingRules:()=>A("/api/v1/routing-rules").then(e=>e.rules),setRoutingRules:e=>pt("/api/v1/routing-rules",{rules:e}),moveToQueue:(e,t)=>D(B(e)+"/queue",t),apps:()=>ct("/api/v1/apps"),app:e=>A(`/api/v1/apps/${encodeURIComponent(e)}`),installApp:e=>D("/api/v1/apps",e),disableApp:e=>D(`/api/v1/apps/${encodeURIComponent(e)}/disable`),enableApp:e=>D(`/api/v1/apps/${encodeURIComponent(e)}/enable`),uninstallApp:e=>$e(`/api/v1/apps/${encodeURIComponent(e)}`),audit:e=>A("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>pt("/api/v1/me/presence",{status:e}),snooze:(e,t)=>D(B(e)+"/snooze",t?{until:t}:void 0),unsnooze:e=>D(B(e)+"/unsnooze"),setPriority:(e,t)=>D(B(e)+"/priority",{priority:String(t)}),canned:()=>A("/api/v1/canned-responses"),renderCanned:(e,t)=>D(`/api/v1/canned-responses/${encodeURIComponent(e)}/render`,{conversation_id:t}),labels:()=>A("/api/v1/labels"),conversationLabels:e=>A(B(e)+"/labels"),addLabel:(e,t)=>pt(B(e)+"/labels/"+encodeURIComponent(t)),removeLabel:(e,t)=>$e(B(e)+"/labels/"+encodeURIComponent(t)),search:(e,t)=>A("/api/v1/search",{q:e,type:"messages",limit:25,cursor:t})};var Ze=E("connecting"),nn=new Set,ze=new Map,ye=null,It=1e3,on=0,zi=1,Et=!0,ft=new Map;function Ue(e){return nn.add(e),()=>nn.delete(e)}function Ao(){Et&&(Et=!1,sn())}function Io(){Et=!0,clearTimeout(on),ze.clear(),ye&&ye.close(1e3),ye=null}function sn(){Ze.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);ye=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=a=>{let n;try{n=JSON.parse(a.data)}catch{return}if(n.type==="ready"){Ze.value="online",It=1e3,xe({type:"subscribe_feed"}).catch(()=>{});for(let[i,s]of ze)xe({type:"subscribe",conversation_id:i,after_seq:s}).catch(()=>{})}if(n.type==="message"&&n.message){let i=ze.get(n.conversation_id);i!==void 0&&n.message.seq>i&&ze.set(n.conversation_id,n.message.seq)}if(n.type==="subscribed"){let i=ze.get(n.conversation_id);i!==void 0&&ze.set(n.conversation_id,Math.max(i,n.last_seq))}if(n.id&&ft.has(n.id)){let i=ft.get(n.id);ft.delete(n.id),n.type==="error"?i.reject(n):i.resolve(n)}for(let i of nn)try{i(n)}catch(s){console.error(s)}},t.onclose=a=>{if(ye!==t)return;ye=null;for(let i of ft.values())i.reject({code:"unavailable",message:"disconnected"});if(ft.clear(),Et||(Ze.value="offline",a.code===1008&&a.reason==="no session cookie"))return;let n=Math.min(It,3e4)*(.8+Math.random()*.4);It=Math.min(It*2,3e4),on=setTimeout(sn,n)}}function Eo(){Et||ye||(clearTimeout(on),It=1e3,sn())}function xe(e){return new Promise((t,a)=>{if(!ye||ye.readyState!==WebSocket.OPEN||Ze.value!=="online"){a({code:"unavailable",message:"not connected"});return}let n="c"+zi++;ft.set(n,{resolve:t,reject:a}),ye.send(JSON.stringify({...e,id:n}))})}function rn(e,t){let a=ze.get(e);a!==void 0&&a>=t||(ze.set(e,t),Ze.value==="online"&&xe({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var No=e=>ze.has(e);function Do(e,t){xe({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var Po="parley.console.sound",We=E(typeof Notification>"u"?"unsupported":Notification.permission),Nt=E(localStorage.getItem(Po)!=="off"),he=null;async function zo(){if(ln(),!(typeof Notification>"u"))try{We.value=await Notification.requestPermission()}catch{We.value=Notification.permission}}function qo(e){Nt.value=e,localStorage.setItem(Po,e?"on":"off"),e&&ln()}function ln(){let e=window.AudioContext||window.webkitAudioContext;e&&(he||(he=new e),he.state==="suspended"&&he.resume().catch(()=>{}))}function Mo(e){e.isTrusted&&Nt.value&&he?.state!=="running"&&ln()}document.addEventListener("pointerdown",Mo,!0);document.addEventListener("keydown",Mo,!0);function qi(){if(!Nt.value||!he||he.state!=="running")return;let e=he.currentTime;[[880,0],[1318.5,.12]].forEach(([t,a])=>{let n=he.createOscillator(),i=he.createGain();n.type="sine",n.frequency.value=t,i.gain.setValueAtTime(1e-4,e+a),i.gain.exponentialRampToValueAtTime(.18,e+a+.02),i.gain.exponentialRampToValueAtTime(1e-4,e+a+.35),n.connect(i).connect(he.destination),n.start(e+a),n.stop(e+a+.4)})}function ta(e,t,a){if(document.hidden&&(qi(),We.value==="granted"))try{let n=new Notification(e,{body:t.slice(0,140),tag:a,icon:void 0});n.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:a})),n.close()}}catch{}}var X=E(null),bn=E(!1),K=E({}),ce=E({}),se=E({}),le=E({}),me=E([]),tt=E([]),Y=E({}),je=E({}),_e=E({}),mt=E({}),oa=E(!0),Vl=ee(()=>{let e=oe.value[gt("resolved")];return!!e&&!e.loading}),ht=E([]),ca=E(null),na=!1;function Fo(){na||(na=!0,Promise.all([v.queues(),v.teams()]).then(([e,t])=>{ca.value={queues:e,teams:t}}).catch(()=>{na=!1}))}function Pt(){na=!1,ca.value=null}var we=E(""),pe=ee(()=>X.value?.agent?.id||""),ke=ee(()=>X.value?.agent?.role||""),Mi=ee(()=>new Set(X.value?.scopes||[])),vn=e=>Mi.value.has(e),sa=e=>{let t=/^(.*?)(?:\.(\d+))?Z$/.exec(e||"");return t?t[1]+"."+(t[2]||"").padEnd(9,"0"):e||""},ia=(e,t)=>e<t?-1:e>t?1:0,aa=(e,t)=>ia(sa(t.updated_at),sa(e.updated_at))||ia(t.id,e.id),Li=(e,t)=>ia(sa(e.created_at),sa(t.created_at))||ia(e.id,t.id),jo=E(Date.now());setInterval(()=>{jo.value=Date.now()},3e4);var Xe=e=>!!e.snoozed_until_reply||!!e.snoozed_until&&Date.parse(e.snoozed_until)>Date.now(),Lo=e=>e.status==="pending"||e.status==="assigned",$n={queue:{member:e=>e.status==="pending"&&!Xe(e),order:Li,query:()=>({status:"pending",snoozed:"false",sort:"oldest"})},mine:{member:e=>e.status==="assigned"&&e.assignee_id===pe.value&&!Xe(e),order:aa,query:()=>({status:"assigned",assignee_id:pe.value,snoozed:"false",sort:"last_activity"})},open:{member:e=>Lo(e)&&!Xe(e),order:aa,query:()=>({status:"pending,assigned",snoozed:"false",sort:"last_activity"})},snoozed:{member:e=>Lo(e)&&Xe(e),order:aa,query:()=>({status:"pending,assigned",snoozed:"true",sort:"last_activity"})},resolved:{member:e=>e.status==="resolved",order:aa,query:()=>({status:"resolved",sort:"last_activity"})}},Oi=100,oe=E({}),Ce=E(""),qe=E(""),Ho=()=>!!(Ce.value||qe.value),gt=e=>Ho()?`${e}#${Ce.value}#${qe.value}`:e;function Ui(e,t){let a=oe.value[gt(e)];return a?Ho()?!!a.ids?.has(t.id):a.done||!a.edge?a.done:$n[e].order(t,a.edge)<=0:!1}var at=ee(()=>{jo.value;let e=Object.values(K.value),t={};for(let[a,n]of Object.entries($n))t[a]=e.filter(i=>n.member(i)&&Ui(a,i)).sort(n.order);return t}),Bo=e=>{let t=oe.value[gt(e)];return!t||!t.done},Vo=e=>{let t=oe.value[gt(e)];return!!t&&!t.loading};function Ko(e){oe.value[gt(e)]||et(e)}function yn(e,t,a){let n={...oe.value};for(let[i,s]of Object.entries(n)){if(!i.includes("#"+t+"#")||!s.ids)continue;let r=new Set(s.ids);a?r.add(e):r.delete(e),n[i]={...s,ids:r}}oe.value=n}async function et(e){let t=$n[e],a=gt(e),n=Ce.value,i=qe.value,s=oe.value[a];if(!t||s?.done||s?.loading)return;oe.value={...oe.value,[a]:{...s,loading:!0}};let r={...s,loading:!1};try{let l=await A("/api/v1/conversations",{...t.query(),label_id:n||void 0,priority:i||void 0,limit:Oi,cursor:s?.cursor||void 0}),u=l.items||[];Oe(()=>{for(let f of u)Se(f)});let m=u[u.length-1];r={cursor:l.next_cursor||"",done:!l.next_cursor,loading:!1,edge:m?{...m}:s?.edge,ids:n||i?new Set([...s?.ids||[],...u.map(f=>f.id)]):void 0};let c=u.filter(_n);for(let f of c)Go(f);pa(c.map(f=>f.id))}catch(l){k(l,"Could not load conversations")}finally{oe.value={...oe.value,[a]:r}}}var Kl=ee(()=>at.value.mine.reduce((e,t)=>e+(se.value[t.id]||0),0)),Wi=0;function C(e,t="info"){let a=++Wi;ht.value=[...ht.value,{id:a,text:e,kind:t}],setTimeout(()=>xn(a),t==="error"?8e3:4e3)}function xn(e){ht.value=ht.value.filter(t=>t.id!==e)}function k(e,t){let a=e instanceof ut||e?.message?e.message:String(e),n=(e?.fields||[]).map(i=>i.message).filter(Boolean);n.length&&(a=n.join("; ")),C(t?`${t}: ${a}`:a,"error")}function Se(e){if(!e?.id)return;let t=K.value[e.id];if(t&&t.updated_at>e.updated_at)return;let a={...t,...e};if(e.status)for(let n of["snoozed_until","snoozed_until_reply","waiting_since"])n in e||delete a[n];K.value={...K.value,[e.id]:a}}var _n=e=>e.status==="pending"||e.status==="assigned";async function Qo(){oa.value=!0,Ao();try{let[e,t]=await Promise.all([v.agents().catch(()=>[]),v.inboxes().catch(()=>[]),et("queue"),et("mine"),et("open")]);Oe(()=>{me.value=e,tt.value=t})}finally{oa.value=!1}}var de=E({});function Oo(e,t){if(!e?.conversation_id||e.agent_id!==pe.value)return;let a=de.value[e.conversation_id];if(t==="conversation.offered"&&e.state==="open"){if(a?.id===e.id||ra.has(e.id))return;let n=Date.parse(e.expires_at)-Date.parse(e.offered_at);de.value={...de.value,[e.conversation_id]:{...e,deadline:Date.now()+(n>0?n:0)}};let i=K.value[e.conversation_id];ta("Conversation offered to you",`${i?ie(i.contact_id):"A visitor"} is waiting: accept or decline`,`/console/queue/${e.conversation_id}`);return}ra.add(e.id),a&&a.id===e.id&&zt(e.conversation_id)}var ra=new Set;function zt(e){let t=de.value[e];if(!t)return;ra.add(t.id);let a={...de.value};delete a[e],de.value=a}async function Fi(){try{let e=await v.myOffers(),t={};for(let a of e.items||[]){if(ra.has(a.id))continue;let n=de.value[a.conversation_id];t[a.conversation_id]=n?.id===a.id?n:{...a,deadline:Date.parse(a.expires_at)},K.value[a.conversation_id]||v.conversation(a.conversation_id).then(i=>{Se(i),ge(i.contact_id)},()=>{})}de.value=t}catch{}}async function Yo(e,t){let a=t?"accept_offer":"decline_offer",n=null;try{n=(await xe({type:a,conversation_id:e}).catch(s=>{if(s?.code!=="unavailable")throw s;return v[t?"acceptOffer":"declineOffer"](e).then(r=>({conversation:r}))})).conversation||null,n&&Se(n)}catch(i){let s=i?.reason||"",r=s==="expired"?"The offer has expired.":s==="no_offer"?"The offer is no longer open.":null;r?C(r,"info"):k(i,t?"Could not accept the conversation":"Could not decline the conversation")}return zt(e),n}function da(){Io(),gn.clear(),Pt(),Oe(()=>{X.value=null,K.value={},ce.value={},se.value={},le.value={},Y.value={},je.value={},oe.value={},de.value={},Ce.value="",qe.value="",we.value=""})}function Go(e){_n(e)&&rn(e.id,Math.max(0,e.last_seq-1))}var la=[],hn=new Set,Dt={},cn=0,wn=e=>we.value===e&&!document.hidden;function pa(e){for(let t of e)hn.has(t)||(hn.add(t),la.push(t));for(;cn<4&&la.length;)cn++,ji().finally(()=>{cn--})}async function ji(){for(;la.length;){let e=la.shift();hn.delete(e);let t=Dt[e]=(Dt[e]||0)+1;try{let a=await v.unread(e);Dt[e]===t&&!wn(e)&&(se.value={...se.value,[e]:a.count})}catch{}}}var gn=new Map,dn=new Map;function ge(e,t=!1){if(!e)return;let a=gn.get(e);if(!(a!==void 0&&!t)){if(a!==void 0&&Date.now()-a<3e3){dn.has(e)||dn.set(e,setTimeout(()=>{dn.delete(e),ge(e,!0)},3e3-(Date.now()-a)));return}gn.set(e,Date.now()),v.contact(e).then(n=>{le.value={...le.value,[e]:n}},()=>{le.value[e]||(le.value={...le.value,[e]:{id:e,missing:!0}})})}}var Jo=e=>{let t=le.value[e];return!!t&&!t.missing&&!t.name};function ie(e){let t=le.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function He(e){return e?e===pe.value?"you":me.value.find(t=>t.id===e)?.name||"an agent":""}function be(e){let t=tt.value.find(a=>a.id===e)?.name;return!t&&e&&Hi(),t||""}var pn=null,Uo=0;function Hi(){pn||Date.now()-Uo<1e4||(pn=v.inboxes().then(e=>{tt.value=e},()=>{}).finally(()=>{pn=null,Uo=Date.now()}))}function ua(e,t){let a=new Map(e.map(n=>[n.seq,n]));for(let n of t)a.set(n.seq,n);return[...a.values()].sort((n,i)=>n.seq-i.seq)}async function fa(e,t=0){we.value=e;let a=K.value[e];try{a||(a=await v.conversation(e),Se(a)),ge(a.contact_id,!0);let i=(await v.messages(e,{before_seq:a.last_seq+1,limit:50})).items||[];Y.value={...Y.value,[e]:ua(Y.value[e]||[],i)};let s=i[i.length-1];s&&!(ce.value[e]?.seq>=s.seq)&&(ce.value={...ce.value,[e]:s}),je.value={...je.value,[e]:i.length>0&&i[0].seq>1&&i.length===50},rn(e,i.length?i[i.length-1].seq:a.last_seq),v.readStates(e).then(r=>{let l=(r.items||[]).find(u=>u.participant.type==="contact");l&&(mt.value={...mt.value,[e]:l.last_read_seq})}).catch(()=>{}),qt(e);for(let r=0;t&&r<100;r++){let l=Y.value[e]||[];if(!l.length||l[0].seq<=t||!je.value[e])break;await kn(e)}}catch(n){k(n,"Could not open the conversation")}}async function kn(e){let t=Y.value[e]||[];if(t.length)try{let n=(await v.messages(e,{before_seq:t[0].seq,limit:50})).items||[];Y.value={...Y.value,[e]:ua(Y.value[e]||[],n)},je.value={...je.value,[e]:n.length===50&&n[0].seq>1}}catch(a){k(a,"Could not load earlier messages")}}var un={};function qt(e){if(document.hidden||we.value!==e)return;let t=Y.value[e]||[],a=K.value[e],n=Math.max(t.length?t[t.length-1].seq:0,a?.last_seq||0);n>0&&(un[e]||0)<n&&(un[e]=n,xe({type:"read",conversation_id:e,seq:n}).catch(()=>v.markRead(e,n)).catch(()=>{un[e]=0})),Dt[e]=(Dt[e]||0)+1,se.value[e]&&(se.value={...se.value,[e]:0})}function Cn(e){let t=e.conversation_id;Y.value[t]&&(Y.value={...Y.value,[t]:ua(Y.value[t],[e])}),ce.value={...ce.value,[t]:e}}function Bi(e){let t=e.message,a=e.conversation_id,n=K.value[a],i=n&&t.seq>n.last_seq,s=t.sender?.type==="agent"&&t.sender.id===pe.value;if(Oe(()=>{Y.value[a]&&(Y.value={...Y.value,[a]:ua(Y.value[a],[t])});let r=ce.value[a];if((!r||r.seq<=t.seq)&&(ce.value={...ce.value,[a]:t}),i&&(K.value={...K.value,[a]:{...n,last_seq:t.seq,updated_at:t.created_at>n.updated_at?t.created_at:n.updated_at}}),t.sender?.type==="contact"){let l={..._e.value};delete l[a],_e.value=l}}),n&&t.sender?.type==="contact"&&Jo(n.contact_id)&&ge(n.contact_id,!0),!(!i||s||t.kind==="event")){if(wn(a)){qt(a);return}se.value={...se.value,[a]:(se.value[a]||0)+1},pa([a]),n.status==="assigned"&&n.assignee_id===pe.value&&t.sender?.type==="contact"&&ta(`New message from ${ie(n.contact_id)}`,t.body||"Sent a file",`/console/mine/${a}`)}}function Wo(e,t){let a=K.value[e.id];Se(e);let n=de.value[e.id];n&&(e.status!=="pending"||e.queue_id&&e.queue_id!==n.queue_id)&&zt(e.id),ge(e.contact_id,Jo(e.contact_id)),_n(e)&&!No(e.id)&&(Go(e),pa([e.id])),t==="conversation.queued"&&(!a||a.status!=="pending")&&ta("New conversation waiting",`${ie(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}Ue(e=>{switch(e.type){case"message":e.message&&Bi(e);break;case"message.updated":case"message.deleted":e.message&&Cn(e.message);break;case"conversation":e.conversation&&Wo(e.conversation,e.event),e.offer&&Oo(e.offer,e.event);break;case"event":e.event?.payload?.conversation&&Wo(e.event.payload.conversation,e.event.type),e.event?.payload?.offer&&Oo(e.event.payload.offer,e.event.type);break;case"subscribed":if(e.conversation){let t=K.value[e.conversation.id]?.last_seq||0;Se(e.conversation),e.conversation.last_seq>t&&!wn(e.conversation.id)&&pa([e.conversation.id])}break;case"ready":Fi();break;case"typing":(e.by?.type==="contact"||e.by?.id!==pe.value)&&(_e.value={..._e.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(mt.value={...mt.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&we.value&&qt(we.value)});async function Sn(){try{let e=await A("/api/v1/me");if(e.kind!=="agent"){X.value=null;return}X.value=e}catch{X.value=null}finally{bn.value=!0}}var Rt=E(null),fn=null;function Zo(){Rt.value||fn||(fn=v.canned().then(e=>{Rt.value=e.items||[]},()=>{Rt.value=[]}).finally(()=>{fn=null}))}var Fe=E(null),mn=null;function ma(e=!1){Fe.value&&!e||mn||(mn=v.labels().then(t=>{Fe.value=t.items||[]},()=>{Fe.value||(Fe.value=[])}).finally(()=>{mn=null}))}var M="/console",ha=E(location.pathname),nt=ee(()=>{let e=ha.value.slice(M.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="visitors"?{section:"visitors"}:e[0]==="admin"?{section:"admin",page:e[1]||"agents",id:e[2]||""}:e[0]==="reports"?{section:"reports"}:e[0]==="supervisor"?{section:"supervisor"}:e[0]==="search"?{section:"search",q:e[1]||"",conversation:e[2]||"",seq:Number(e[3])||0}:{section:"inbox",list:["queue","mine","open","snoozed","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function H(e,{replace:t=!1}={}){e!==ha.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),ha.value=e)}var te=(e,t)=>`${M}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{ha.value=location.pathname});window.addEventListener("parley:navigate",e=>H(e.detail));var Tn=(e,t,a)=>`${M}/search/${encodeURIComponent(e)}${t?"/"+encodeURIComponent(t)+(a?"/"+a:""):""}`;var Te=E({}),bt=ee(()=>Te.value.product_name||"Parley");async function Xo(){try{Te.value=await A("/api/v1/branding")}catch{}}De(()=>{let e=Te.value;document.title=`${bt.value} console`;let t=document.documentElement.style;e.color?(t.setProperty("--accent",e.color),t.setProperty("--accent-hover",e.color)):(t.removeProperty("--accent"),t.removeProperty("--accent-hover"))});var G=e=>({size:t=18}={})=>o`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,ga=G(o`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),ba=G(o`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),ot=G(o`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),va=G(o`<path d="M20 6 9 17l-5-5"/>`),$a=G(o`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),An=G(o`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Mt=G(o`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),In=G(o`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),es=G(o`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),ya=G(o`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),vt=G(o`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),ts=G(o`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),as=G(o`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),xa=G(o`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),ns=G(o`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),$t=G(o`<path d="M18 6 6 18M6 6l12 12"/>`),ve=G(o`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),os=G(o`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),_a=G(o`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`),wa=G(o`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),ka=()=>o`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function Ca(){let e=Te.value.logo_url;return o`${e?o`<img class="brand-logo" src=${e} alt="" data-brand-logo />`:o`<${ka} />`}<span data-product-name>${bt.value}</span>`}var Vi={oidc_state:"That sign-in expired or was started in another browser. Please try again.",oidc_unavailable:"The identity provider cannot be reached. Try again later.",oidc_id_token:"The identity provider’s answer could not be verified. Ask an administrator.",oidc_off:"Single sign-on is not set up for this workspace.",oidc_provider_error:"The identity provider did not sign you in.",no_account:"You have no account in this workspace yet. Ask an administrator to create yours.",no_role:"Your identity gives you no role in this workspace. Ask an administrator.",identity_invalid:"Your identity has no email address Parley can use, or is linked to another account.",unauthorized:"Your account cannot sign in. It may be disabled.",rate_limited:"Too many sign-ins from your address. Try again later."},En=null;function ss(e){En=e}function is({onLoggedIn:e}){let t=new URLSearchParams(location.search),[a,n]=h(""),[i,s]=h(""),[r,l]=h(t.get("workspace")||""),[u,m]=h(!!t.get("workspace")),[c,f]=h(()=>{let x=t.get("signin_error");return x?Vi[x]||"Single sign-on failed. Please try again.":""}),[d,p]=h(!1),[g,$]=h(null),[y]=h(()=>{let x=En;return En=null,x});_(()=>{let x=r.trim(),R=setTimeout(()=>{A("/api/v1/auth/options",x?{workspace:x}:void 0).then(N=>{$(N),Te.value=N.branding||{}}).catch(()=>$({password:"local",oidc:{}}))},x?300:0);return()=>clearTimeout(R)},[r]);async function b(x){x.preventDefault(),p(!0),f("");try{await So(a.trim(),i,r.trim()),await e()}catch(R){f(R.status===401?"The email or password is not right.":R.message),p(!1)}}let w=Te.value,T=g?.password!=="off",I=g?.oidc?.enabled;return o`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${b} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${Ca} /></div>
        <h1 id="login-title">${w.sign_in_title||`Sign in to ${bt.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${y&&o`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${bt.value}.
          ${y.endSessionURL&&o` <a href=${y.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${c&&o`<div class="form-error" role="alert" id="login-error">${c}</div>`}
        ${I&&o`
          <a class="button primary block sso-button" id="sso-button" href=${g.oidc.start_url}>${g.oidc.button_label}</a>
          ${T&&o`<div class="login-or" aria-hidden="true"><span>or</span></div>`}`}
        ${T&&o`
          <label class="field">
            <span>Email</span>
            <input type="email" name="email" autocomplete="username" required autofocus
              value=${a} onInput=${x=>n(x.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password</span>
            <input type="password" name="password" autocomplete="current-password" required
              value=${i} onInput=${x=>s(x.currentTarget.value)} />
          </label>`}
        ${u?o`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${r} placeholder="default"
              onInput=${x=>l(x.currentTarget.value)} />
          </label>`:o`
          <button type="button" class="link-button" onClick=${()=>m(!0)}>Sign in to another workspace</button>`}
        ${T&&o`
          <button type="submit" class=${"button block"+(I?"":" primary")} disabled=${d||!a||!i}>
            ${d?"Signing in…":"Sign in"}
          </button>`}
        ${g&&!T&&!I&&o`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`}var Ki=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],Qi=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function L(e,t=Date.now()){if(!e)return"";let a=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(a)<45)return"now";for(let[n,i]of Ki)if(Math.abs(a)>=i||n==="minute")return Qi.format(Math.round(a/i),n);return""}function Nn(e){let t=new Date(e),a=new Date,n={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==a.toDateString()&&Object.assign(n,{month:"short",day:"numeric"}),t.toLocaleString(void 0,n)}var J=e=>e?new Date(e).toLocaleString():"";function Sa(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function rs(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function ls(e){let t=0;for(let a of e||"")t=(t*31+a.charCodeAt(0))%360;return t}function Be(e=3e4){let[t,a]=h(Date.now());return _(()=>{let n=setInterval(()=>a(Date.now()),e);return()=>clearInterval(n)},[e]),t}function Ae({id:e,name:t,size:a="md",url:n}){return n?o`<img class=${`avatar avatar-${a} avatar-img`} src=${n} alt="" referrerpolicy="no-referrer" />`:o`<span class=${`avatar avatar-${a} av-${ls(e)%8}`} aria-hidden="true">${rs(t)}</span>`}var Lt={queue:"Queue",mine:"Mine",open:"All open",snoozed:"Snoozed",resolved:"Resolved"};var Yi={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",ga],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",ba],open:["No open conversations","Every conversation is resolved. Nice work.",ot],snoozed:["Nothing snoozed","Snoozed conversations wait here until their time comes or the visitor writes.",_a],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",va]};function cs({list:e,items:t,loading:a,selected:n}){Be();let[i,s,r]=Yi[e],l=Bo(e);return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${Lt[e]}</h1>
        <span class="muted small" aria-live="polite">${a?"":`${t.length}${l?"+":""} conversation${t.length===1&&!l?"":"s"}`}</span>
      </header>
      <${Gi} />
      ${a&&!t.length?o`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(u=>o`<li key=${u} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?o`
        <ul class="conv-list" aria-label=${Lt[e]+" conversations"}>
          ${t.map(u=>o`<${Zi} key=${u.id} c=${u} list=${e} selected=${u.id===n} />`)}
          ${l&&o`<${Ji} list=${e} count=${t.length} />`}
        </ul>`:o`
        <div class="empty small-empty">
          <div class="empty-icon"><${r} size=${22} /></div>
          <h2>${i}</h2>
          <p class="muted">${s}</p>
        </div>`}
    </section>`}var Dn={0:"None",1:"Low",2:"High",3:"Urgent"};function Gi(){_(()=>{ma()},[]);let e=Fe.value||[];return o`
    <div class="list-filter">
      ${(e.length>0||Ce.value)&&o`
        <label for="label-filter" class="muted small">Label</label>
        <select id="label-filter" class="select small" value=${Ce.value}
          onChange=${t=>{Ce.value=t.currentTarget.value}}>
          <option value="">Any label</option>
          ${e.map(t=>o`<option value=${t.id}>${t.name}</option>`)}
        </select>`}
      <label for="priority-filter" class="muted small">Priority</label>
      <select id="priority-filter" class="select small" value=${qe.value}
        onChange=${t=>{qe.value=t.currentTarget.value}}>
        <option value="">Any</option>
        <option value="urgent">Urgent</option>
        <option value="high,urgent">High or urgent</option>
        <option value="low">Low</option>
        <option value="none">None</option>
      </select>
    </div>`}function Ji({list:e,count:t}){let a=U(null),n=!!oe.value[e]?.loading;return _(()=>{let i=a.current;if(!i||n||typeof IntersectionObserver>"u")return;let s=new IntersectionObserver(r=>{r.some(l=>l.isIntersecting)&&et(e)},{rootMargin:"400px 0px"});return s.observe(i),()=>s.disconnect()},[e,t,n]),o`
    <li class="conv-more" ref=${a}>
      <button type="button" class="button ghost small block" onClick=${()=>et(e)} disabled=${n}
        aria-busy=${n?"true":void 0}>${n?"Loading…":"Load more conversations"}</button>
    </li>`}function Zi({c:e,list:t,selected:a}){ge(e.contact_id);let n=ie(e.contact_id),i=ce.value[e.id],s=se.value[e.id]||0,r=_e.value[e.id]&&Date.now()-_e.value[e.id].at<5e3&&_e.value[e.id].by?.type==="contact",l="No messages yet";r?l="typing…":i&&(l=(i.sender?.type==="contact"?"":i.kind==="note"?"Note: ":"You: ")+(i.deleted_at?"Message deleted":i.body||(i.attachments?.length?`📎 ${i.attachments[0].name}`:"")));let u=te(t,e.id),m=[be(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+He(e.assignee_id):""].filter(Boolean).join(" · "),c=e.priority>=2&&(Dn[e.priority]||"Priority "+e.priority);return o`
    <li>
      <a href=${u} class=${"conv-item"+(a?" selected":"")+(s?" has-unread":"")}
        aria-current=${a?"true":void 0} data-conversation=${e.id}
        onClick=${f=>{!f.metaKey&&!f.ctrlKey&&(f.preventDefault(),H(u))}}>
        <${Ae} id=${e.contact_id} name=${n} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${n}</span>
            <time class="conv-time" datetime=${e.updated_at}>${L(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(r?" typing":"")}>${l}</span>
            ${s>0&&o`<span class="badge badge-accent unread-badge" aria-label=${s+" unread"}>${s}</span>`}
          </span>
          ${(m||c)&&o`<span class="conv-meta">${c&&o`<span class=${"prio prio-"+e.priority}>${c}</span> `}${m}</span>`}
        </span>
      </a>
    </li>`}var ds=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function ps({conv:e}){let[t,a]=h("reply"),[n,i]=h(""),[s,r]=h([]),[l,u]=h(0),[m,c]=h(!1),f=U(null),d=U(null),p=U(0),g=U(ds()),[$,y]=h(0),[b,w]=h(0),[T,I]=h("");if(_(()=>{let S=O=>{(O.detail==="reply"||O.detail==="note")&&(a(O.detail),f.current?.focus())};return window.addEventListener("parley:command",S),()=>window.removeEventListener("parley:command",S)},[]),e.status==="resolved")return o`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let x=t==="note",R=/(^|\s)\/([a-z0-9_-]*)$/.exec(n.slice(0,$)),N=R?R[2]:null;N!==null&&Zo();let z=N===null||T===n?[]:(Rt.value||[]).filter(S=>S.shortcut.startsWith(N)||S.title.toLowerCase().includes(N)).slice(0,8),ue=z.length>0,F=Math.min(b,z.length-1);async function ae(S){let O=$-N.length-1,re=S.body;try{re=(await v.renderCanned(S.id,e.id)).text}catch(yt){k(yt,"Could not fill in the canned response")}let Ma=n.slice(0,O)+re+n.slice($);i(Ma);let La=O+re.length;y(La),w(0),requestAnimationFrame(()=>{let yt=f.current;yt&&(yt.focus(),yt.setSelectionRange(La,La))})}let fe=!m&&l===0&&(n.trim()||!x&&s.length);async function ne(){if(!fe)return;c(!0);let S={client_id:g.current,body:n.trim()};x?S.kind="note":s.length&&(S.kind="attachment",S.attachment_ids=s.map(O=>O.id));try{let O=await v.send(e.id,S);Cn(O),i(""),r([]),g.current=ds(),qt(e.id),f.current?.focus()}catch(O){k(O,x?"The note was not saved":"The message was not sent")}finally{c(!1)}}async function ui(S){for(let O of S){u(re=>re+1);try{let re=await v.upload(e.id,O);r(Ma=>[...Ma,re])}catch(re){k(re,`Could not upload ${O.name}`)}finally{u(re=>re-1)}}}function fi(S){i(S.currentTarget.value),y(S.currentTarget.selectionStart),w(0);let O=Date.now();O-p.current>1500&&(p.current=O,Do(e.id,x))}function mi(S){if(ue&&!S.isComposing){let O={ArrowDown:1,ArrowUp:-1};if(O[S.key]){S.preventDefault(),w((F+O[S.key]+z.length)%z.length);return}if(S.key==="Enter"||S.key==="Tab"){S.preventDefault(),ae(z[F]);return}if(S.key==="Escape"){S.preventDefault(),S.stopPropagation(),I(n);return}}S.key==="Enter"&&!S.shiftKey&&!S.isComposing&&(S.preventDefault(),ne())}return o`
    <form class=${"composer"+(x?" composer-note":"")} onSubmit=${S=>{S.preventDefault(),ne()}}
      aria-label=${x?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&o`
        <div class="composer-hint">This conversation is waiting in the queue.${" "}<button type="button" class="link-button"
          onClick=${()=>Ta(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(x?"":" active")} aria-pressed=${!x} onClick=${()=>{a("reply"),f.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(x?" active":"")} aria-pressed=${x} onClick=${()=>{a("note"),f.current?.focus()}}
          aria-keyshortcuts="n"><${vt} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${x?"Private note, only agents see it":"Reply"}</label>
      ${ue&&o`
        <ul class="canned-list" id="canned-list" role="listbox" aria-label="Canned responses">
          ${z.map((S,O)=>o`
            <li id=${"canned-"+S.id} role="option" aria-selected=${O===F?"true":"false"} data-shortcut=${S.shortcut}
              class=${"canned-option"+(O===F?" active":"")}
              onMouseDown=${re=>{re.preventDefault(),ae(S)}}>
              <span class="canned-shortcut">/${S.shortcut}</span> <span class="canned-title">${S.title}</span>
              <span class="canned-body muted">${S.body}</span>
            </li>`)}
        </ul>`}
      <textarea id="composer-text" ref=${f} rows="3" value=${n} onInput=${fi} onKeyDown=${mi}
        onKeyUp=${S=>y(S.currentTarget.selectionStart)} onClick=${S=>y(S.currentTarget.selectionStart)}
        aria-autocomplete="list" aria-controls=${ue?"canned-list":void 0}
        aria-activedescendant=${ue?"canned-"+z[F].id:void 0}
        aria-describedby="composer-canned-tip"
        placeholder=${x?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      <span id="composer-canned-tip" class="sr-only">Type / and a shortcut to insert a canned response.</span>
      ${(s.length>0||l>0)&&o`
        <ul class="staged" aria-label="Files to send">
          ${s.map(S=>o`<li class="chip">${S.name} <span class="muted">${Sa(S.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+S.name}
              onClick=${()=>r(s.filter(O=>O.id!==S.id))}><${$t} size=${14} /></button></li>`)}
          ${l>0&&o`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${d} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${S=>{ui([...S.currentTarget.files]),S.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${x}
          title=${x?"Notes cannot carry files":"Attach a file"} onClick=${()=>d.current?.click()}><${es} /></button>
        <span class="muted small composer-tip">${x?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(x?"note":"primary")} disabled=${!fe}>
          <${ya} size=${16} /> ${x?"Add note":"Send"}
        </button>
      </div>
    </form>`}function us({conv:e}){let[t,a]=h(null),n=e.status==="resolved";return _(()=>{if(a(null),!n)return;let i=!0;A(`/api/v1/conversations/${encodeURIComponent(e.id)}/rating`).then(r=>i&&r.rated&&a(r),()=>{});let s=Ue(r=>{r.type==="event"&&r.event?.type==="conversation.rated"&&r.event.payload?.rating?.conversation_id===e.id&&a(r.event.payload.rating)});return()=>{i=!1,s()}},[e.id,n]),t?o`
    <div class="csat" data-score=${t.score}>
      <span class="csat-score" aria-label=${`Rated ${t.score} out of 5 by the visitor`} title="The visitor's rating">
        <span aria-hidden="true">${"★".repeat(t.score)}${"☆".repeat(5-t.score)}</span> ${t.score}/5</span>
      ${t.comment&&o`<q class="csat-comment">${t.comment}</q>`}
    </div>`:null}var Xi={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function Ia({conv:e,list:t,target:a=0}){let n=ie(e.contact_id);return ar(e),o`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${n}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${Xi[e.status]}</span>
            ${e.assignee_id&&o`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${He(e.assignee_id)}</span>`}
            ${be(e.inbox_id)&&o`<span class="muted small">· ${be(e.inbox_id)}</span>`}
            ${Xe(e)&&o`<span class="badge snoozed-badge" data-snoozed="true">${e.snoozed_until_reply?"Snoozed until the visitor writes":`Snoozed until ${J(e.snoozed_until)}`}</span>`}
          </div>
          <${dr} conv=${e} />
          <${us} conv=${e} />
        </div>
        <${or} conv=${e} />
      </header>
      <${sr} conv=${e} target=${a} />
      <${cr} id=${e.id} name=${n} />
      <${ps} conv=${e} />
    </div>`}async function Ie(e,t){try{let a=await t();return a&&Se(a),a}catch(a){return a.status===409?k(a,`Could not ${e}, the conversation changed meanwhile`):k(a,`Could not ${e}`),null}}var Ta=e=>Ie("take it",()=>v.assign(e.id)).then(t=>t&&C("You took the conversation.","success")),ms=e=>Ie("resolve it",()=>v.resolve(e.id)).then(t=>t&&C("Conversation resolved.","success")),er=e=>Ie("reopen it",()=>v.reopen(e.id)).then(t=>t&&C("Conversation reopened.","success"));function tr(e,t){let a;return t==="1h"||t==="4h"?a=new Date(Date.now()+parseInt(t,10)*36e5):t==="tomorrow"&&(a=new Date,a.setDate(a.getDate()+1),a.setHours(9,0,0,0)),Ie("snooze it",()=>v.snooze(e.id,a?a.toISOString():void 0)).then(n=>n&&C(t==="reply"?"Snoozed until the visitor writes.":`Snoozed until ${J(n.snoozed_until)}.`,"success"))}function ar(e){_(()=>{let t=a=>{a.detail==="take"&&e.status==="pending"&&Ta(e),a.detail==="resolve"&&e.status!=="resolved"&&ms(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function nr({conv:e}){_(Fo,[]);let t=ca.value,a=(t?.queues||[]).filter(s=>s.id!==e.queue_id),n=t?.teams||[];if(!a.length&&!n.length)return null;function i(s){let[r,l]=[s.slice(0,2),s.slice(2)],u=r==="q:"?a.find(m=>m.id===l)?.name:n.find(m=>m.id===l)?.name;Ie("move it",()=>v.moveToQueue(e.id,r==="q:"?{queue_id:l}:{team_id:l})).then(m=>m&&C(r==="q:"?`Moved to the queue ${u}.`:`Moved to the team ${u}.`,"success"))}return o`
    <select class="select small" aria-label="Transfer to a queue or team" value=""
      onChange=${s=>{let r=s.currentTarget.value;s.currentTarget.value="",r&&i(r)}}>
      <option value="">To a queue or team…</option>
      ${a.length>0&&o`<optgroup label="Queues">${a.map(s=>o`<option value=${"q:"+s.id}>${s.name}</option>`)}</optgroup>`}
      ${n.length>0&&o`<optgroup label="Teams">${n.map(s=>o`<option value=${"t:"+s.id}>${s.name}</option>`)}</optgroup>`}
    </select>`}function or({conv:e}){let t=pe.value,a=ke.value==="admin"||ke.value==="supervisor",n=me.value.filter(s=>!s.disabled&&!s.bot&&s.id!==e.assignee_id),i=(s,r)=>o`
    <select class="select small" aria-label=${s} value=""
      onChange=${l=>{let u=l.currentTarget.value;l.currentTarget.value="",u&&r(u)}}>
      <option value="">${s}…</option>
      ${n.map(l=>o`<option value=${l.id}>${l.name}${l.id===t?" (you)":""}</option>`)}
    </select>`;return o`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&o`
        <button type="button" class="button primary" onClick=${()=>Ta(e)} aria-keyshortcuts="t">Take</button>
        ${a&&i("Assign to",s=>Ie("assign it",()=>v.assign(e.id,s)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||a)&&o`
        ${i("Transfer to",s=>Ie("transfer it",()=>v.transfer(e.id,e.assignee_id,s)).then(r=>r&&C(`Transferred to ${He(s)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Ie("put it back",()=>v.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${(e.status==="pending"||e.status==="assigned"&&(e.assignee_id===t||a))&&o`<${nr} conv=${e} />`}
      ${e.status!=="resolved"&&(e.status!=="assigned"||e.assignee_id===t||a)&&o`
        <select class="select small" aria-label="Priority" value=${String(e.priority||0)}
          onChange=${s=>{let r=s.currentTarget.value;Ie("set the priority",()=>v.setPriority(e.id,r))}}>
          ${(e.priority>3?[[e.priority,"Priority "+e.priority]]:[]).concat([[0,"No priority"],[1,"Low"],[2,"High"],[3,"Urgent"]]).map(([s,r])=>o`<option value=${String(s)}>${r}</option>`)}
        </select>
        ${Xe(e)?o`<button type="button" class="button" onClick=${()=>Ie("unsnooze it",()=>v.unsnooze(e.id))}>Unsnooze</button>`:o`
            <select class="select small" aria-label="Snooze" value=""
              onChange=${s=>{let r=s.currentTarget.value;s.currentTarget.value="",r&&tr(e,r)}}>
              <option value="">Snooze…</option>
              <option value="reply">Until the visitor writes</option>
              <option value="1h">For an hour</option>
              <option value="4h">For 4 hours</option>
              <option value="tomorrow">Until tomorrow, 9:00</option>
            </select>`}`}
      ${e.status!=="resolved"?o`<button type="button" class="button success" onClick=${()=>ms(e)} aria-keyshortcuts="e">Resolve</button>`:o`<button type="button" class="button" onClick=${()=>er(e)}>Reopen</button>`}
    </div>`}function sr({conv:e,target:t}){let a=Y.value[e.id],n=U(null),i=U(!t),s=U(0),r=a?.length?a[a.length-1].seq:0,l=a?.length?a[0].seq:0;if(uo(()=>{let c=n.current;if(!c)return;let f=t&&s.current!==t&&c.querySelector(`[data-seq="${t}"]`);if(f){s.current=t,i.current=!1,f.scrollIntoView({block:"center"});return}i.current&&(c.scrollTop=c.scrollHeight)},[r,l,e.id,t]),!a)return o`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let u=mt.value[e.id]||0,m=-1;return a.forEach((c,f)=>{c.sender?.type!=="contact"&&c.kind!=="note"&&c.kind!=="event"&&(m=f)}),o`
    <div class="messages" ref=${n} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${c=>{let f=c.currentTarget;i.current=f.scrollHeight-f.scrollTop-f.clientHeight<80}}>
      ${je.value[e.id]&&o`<button type="button" class="button ghost small load-earlier" onClick=${()=>kn(e.id)}>Load earlier messages</button>`}
      ${!a.length&&o`<p class="muted center">No messages yet.</p>`}
      ${a.map((c,f)=>o`<${lr} key=${c.seq} m=${c} conv=${e} prev=${a[f-1]}
        seen=${f===m&&u>=c.seq} target=${c.seq===t} />`)}
    </div>`}var Aa=E(null),fs=!1;function ir(e){return ke.value!=="admin"?"an app":(!Aa.value&&!fs&&(fs=!0,v.apps().then(t=>{Aa.value=Object.fromEntries(t.map(a=>[a.id,a.name]))}).catch(()=>{Aa.value={}})),Aa.value?.[e]||"an app")}function rr(e,t){let a=e.sender||{};return a.display_name?a.display_name:a.type==="contact"?ie(t.contact_id):a.type==="agent"||a.type==="bot"?a.id===pe.value?"You":me.value.find(n=>n.id===a.id)?.name||"Agent":"System"}function lr({m:e,conv:t,prev:a,seen:n,target:i}){if(e.kind==="event")return o`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${Nn(e.created_at)}</time></div>`;let s=e.sender?.type==="contact",r=e.kind==="note",l=a&&a.kind===e.kind&&a.sender?.type===e.sender?.type&&a.sender?.id===e.sender?.id&&a.sender?.display_name===e.sender?.display_name&&new Date(e.created_at)-new Date(a.created_at)<300*1e3,u=rr(e,t),m=["msg",s?"msg-in":"msg-out",r?"msg-note":"",l?"grouped":"",e.deleted_at?"deleted":"",i?"msg-target":""].filter(Boolean).join(" ");return o`
    <article class=${m} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(r?"Private note by ":"Message from ")+u}
      aria-current=${i?"true":void 0}>
      ${!l&&o`
        <div class="msg-head">
          ${s&&o`<${Ae} id=${t.contact_id} name=${u} size="sm" />`}
          ${e.sender?.avatar_url?.startsWith("/avatars/")&&o`<img class="msg-avatar" src=${e.sender.avatar_url} alt=${u} referrerpolicy="no-referrer" width="20" height="20" />`}
          <span class="msg-name">${u}</span>
          ${e.app_id&&o`<span class="msg-via muted small">via ${ir(e.app_id)}</span>`}
          <time datetime=${e.created_at} title=${J(e.created_at)}>${Nn(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${r&&o`<div class="note-label"><${vt} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?o`<p class="msg-body muted">This message was deleted.</p>`:e.body&&o`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&o`
          <ul class="attachments">
            ${e.attachments.map(c=>o`
              <li><a class="attachment" href=${v.attachmentURL(c.id)} download=${c.name}>
                <${ns} size=${16} /><span class="attachment-name">${c.name}</span><span class="muted">${Sa(c.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&o`<span class="muted small">(edited)</span>`}
      </div>
      ${n&&o`<div class="msg-seen">Seen</div>`}
    </article>`}function cr({id:e,name:t}){Be(1e3);let a=_e.value[e],n=a&&Date.now()-a.at<5e3,i="";return n&&(i=a.by?.type==="contact"?`${t} is typing…`:`${He(a.by?.id)||"An agent"} is typing${a.note?" a note":""}…`),o`<div class="typing" aria-live="polite">${n&&o`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${i}`}</div>`}function dr({conv:e}){let[t,a]=h(null),[n,i]=h("");if(_(()=>{ma();let c=!0;return v.conversationLabels(e.id).then(f=>c&&a(f.items||[]),()=>c&&a([])),()=>{c=!1}},[e.id]),t===null)return null;let s=Fe.value||[],r=new Set(t.map(c=>c.id)),l=s.filter(c=>!r.has(c.id)),u=async c=>{let f=s.find(d=>d.id===c);try{await v.addLabel(e.id,c),a(d=>d.some(p=>p.id===c)?d:[...d,f]),yn(e.id,c,!0),i(`Label ${f.name} added.`)}catch(d){k(d,"Could not add the label")}},m=async c=>{try{await v.removeLabel(e.id,c.id),a(f=>f.filter(d=>d.id!==c.id)),yn(e.id,c.id,!1),i(`Label ${c.name} removed.`),document.getElementById("add-label")?.focus()}catch(f){k(f,"Could not remove the label")}};return o`
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
          onChange=${c=>{let f=c.currentTarget.value;c.currentTarget.value="",f&&u(f)}}>
          <option value="">Add label…</option>
          ${l.map(c=>o`<option value=${c.id}>${c.name}</option>`)}
        </select>`}
      <span class="sr-only" role="status">${n}</span>
    </div>`}var Rn=864e5;function hs(e){return e.toISOString().slice(0,10)}function pr(){let e=new Date;return{from:hs(new Date(e.getTime()-6*Rn)),to:hs(e)}}function ur(e){let t=new Date(Date.parse(e.to+"T00:00:00Z")+Rn);return{start:e.from+"T00:00:00Z",end:t.toISOString().replace(".000Z","Z")}}function gs({conv:e}){let[t,a]=h(pr),[n,i]=h(null),[s,r]=h({}),[l,u]=h("");return _(()=>{let c=!0;return i(null),r({}),u(""),v.contextEndpoints().then(f=>c&&i(f.filter(d=>!d.inbox_id||d.inbox_id===e.inbox_id))).catch(()=>c&&i("all")),()=>{c=!1}},[e.id]),_(()=>{if(!n)return;let c=!0,f=ur(t),d=p=>c&&r(g=>{let $={...g};for(let y of p)$[y.endpoint_id]=y;return $});if(n==="all")v.context(e.id,f).then(p=>d(p.items)).catch(p=>c&&u(p.message));else for(let p of n)v.context(e.id,{...f,endpoint_id:p.id}).then(g=>d(g.items)).catch(g=>d([{endpoint_id:p.id,title:p.title,statistics:p.statistics,entries:[],error:{reason:"",message:g.message}}]));return()=>{c=!1}},[e.id,n,t.from,t.to]),n===null?o`<div class="spinner small" role="status" aria-label="Loading customer data"></div>`:l?o`<p class="muted small">Customer data is not available: ${l}</p>`:(n==="all"?Object.values(s):n.map(c=>s[c.id]||{endpoint_id:c.id,title:c.title,statistics:c.statistics,loading:!0})).map(c=>o`<${fr} key=${c.endpoint_id} item=${c} range=${t} setRange=${a} />`)}function fr({item:e,range:t,setRange:a}){let n="ctx-"+e.endpoint_id;return o`
    <section class="panel-section ctx-section" aria-labelledby=${n} data-context-endpoint=${e.endpoint_id}>
      <h3 id=${n}>${e.title}</h3>
      ${e.statistics&&o`<${br} id=${e.endpoint_id} range=${t} setRange=${a} />`}
      ${e.loading?o`<div class="spinner small" role="status" aria-label=${"Loading "+e.title}></div>`:e.error?o`<p class="ctx-error" data-reason=${e.error.reason}>${e.error.message}</p>`:e.entries.length===0?o`<p class="muted small">Nothing to show.</p>`:mr(e.entries).map((i,s)=>o`<${hr} key=${s} group=${i} id=${n+"-"+s} />`)}
    </section>`}function mr(e){let t=[];for(let a of e){let n=t[t.length-1];a.type==="text"&&n?.type==="text"?n.rows.push(a):t.push(a.type==="text"?{type:"text",rows:[a]}:a)}return t}function hr({group:e,id:t}){switch(e.type){case"text":return o`<dl class="props">${e.rows.map(a=>o`<dt>${a.label}</dt><dd>${a.text}</dd>`)}</dl>`;case"links":{let a=e.links||[];return o`<div class="ctx-block">
        <h4 id=${t}>${e.label}</h4>
        ${a.length===0?o`<p class="muted small">None.</p>`:o`
          <ul class="ctx-links" aria-labelledby=${t}>
            ${a.map(n=>o`<li><a href=${n.url} target="_blank" rel="noopener noreferrer">${n.label}</a></li>`)}
          </ul>`}
      </div>`}case"series":return o`<${gr} label=${e.label} points=${e.points||[]} id=${t} />`}return null}var Ea=new Intl.NumberFormat(void 0,{maximumFractionDigits:2});function gr({label:e,points:t,id:a}){let r=t.map(g=>g.y),l=Math.max(0,...r),u=Math.min(0,...r),m=l-u||1,c=g=>2+80*(l-g)/m,f=t.length?260/t.length:260,d=Math.max(1,f*.7),p=t.length===0?`${e}: no data`:`${e}: ${t.length} values from ${t[0].x} to ${t[t.length-1].x}, lowest ${Ea.format(Math.min(...r))}, highest ${Ea.format(Math.max(...r))}`;return o`<figure class="ctx-chart">
    <figcaption id=${a}>${e}</figcaption>
    <svg viewBox=${"0 0 260 84"} width="100%" height=${84} role="img" aria-label=${p} preserveAspectRatio="none">
      <line x1="0" x2=${260} y1=${c(0)} y2=${c(0)} class="ctx-axis" />
      ${t.map((g,$)=>o`<rect x=${$*f+(f-d)/2} width=${d}
        y=${Math.min(c(g.y),c(0))} height=${Math.max(1,Math.abs(c(g.y)-c(0)))} class="ctx-bar"><title>${g.x}: ${Ea.format(g.y)}</title></rect>`)}
    </svg>
    <details>
      <summary>Show numbers</summary>
      <table class="ctx-table" aria-labelledby=${a}>
        <thead><tr><th scope="col">When</th><th scope="col">Value</th></tr></thead>
        <tbody>${t.map(g=>o`<tr><td>${g.x}</td><td>${Ea.format(g.y)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`}function br({id:e,range:t,setRange:a}){let[n,i]=h(t.from),[s,r]=h(t.to),[l,u]=h("");return _(()=>{i(t.from),r(t.to)},[t.from,t.to]),o`<form class="ctx-range" onSubmit=${c=>{if(c.preventDefault(),!n||!s)return u("Choose both days.");if(n>s)return u("The first day must not be after the last.");if(Date.parse(s)-Date.parse(n)>365*Rn)return u("Choose at most a year.");u(""),a({from:n,to:s})}} aria-label="Date range">
    <label for=${"from-"+e}>From</label>
    <input id=${"from-"+e} type="date" value=${n} max=${s} onInput=${c=>i(c.target.value)} />
    <label for=${"to-"+e}>To</label>
    <input id=${"to-"+e} type="date" value=${s} min=${n} onInput=${c=>r(c.target.value)} />
    <button class="button small" type="submit">Show</button>
    ${l&&o`<p class="ctx-error" role="alert">${l}</p>`}
  </form>`}var vr="allow-scripts allow-forms allow-popups allow-same-origin",$r=6e4;function bs({conv:e}){let[t,a]=h([]);return _(()=>{let n=!0;return v.panels(e.id).then(i=>n&&a(i)).catch(()=>n&&a([])),()=>{n=!1}},[e.id]),t.filter(n=>n.origin!==location.origin).map(n=>o`<${yr} key=${n.app_id} panel=${n} conv=${e} />`)}function yr({panel:e,conv:t}){let a=U(null),[n,i]=h(0),[s,r]=h(""),[l,u]=h(!1);_(()=>{let c=f=>{f.violatedDirective.startsWith("frame-src")&&(f.blockedURI||"").startsWith(e.origin)&&u(!0)};return document.addEventListener("securitypolicyviolation",c),()=>document.removeEventListener("securitypolicyviolation",c)},[e.origin]),_(()=>{if(n===0)return;let c=!0,f,d=()=>v.panelToken(e.app_id,t.id).then(p=>{c&&(r(""),a.current?.contentWindow?.postMessage({type:"parley:context",conversation_id:p.conversation_id,contact_id:p.contact_id,token:p.token,expires_at:p.expires_at,api:location.origin},e.origin),f=setTimeout(d,Math.max(1e4,Date.parse(p.expires_at)-Date.now()-$r)))}).catch(p=>c&&r(p.message));return d(),()=>{c=!1,clearTimeout(f)}},[n,t.id,e.app_id,e.origin]);let m="app-panel-"+e.app_id;return o`
    <section class="panel-section app-panel" aria-labelledby=${m} data-app-panel=${e.app_id}>
      <h3 id=${m}>${e.title}</h3>
      ${s&&o`<p class="ctx-error">${s}</p>`}
      ${l?o`<p class="muted small">This panel was installed after the console opened.
          <button type="button" class="button small ghost" onClick=${()=>location.reload()}>Reload to show it</button></p>`:o`<iframe ref=${a} src=${e.url} title=${e.title} sandbox=${vr}
          referrerpolicy="no-referrer" onLoad=${()=>i(c=>c+1)}></iframe>`}
    </section>`}function vs(){let[e,t]=h(!0),[a,n]=h(!1),i=()=>v.agents().then(r=>{me.value=r}).catch(r=>k(r,"Could not load agents")).finally(()=>t(!1));_(()=>{i()},[]);async function s(r){if(!(!r.disabled&&!confirm(`Disable ${r.name}? They are signed out and cannot sign in until enabled again.`)))try{await v.updateAgent(r.id,{disabled:!r.disabled}),C(`${r.name} is ${r.disabled?"enabled":"disabled"}.`,"success"),i()}catch(l){k(l)}}return o`
    <${q} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>n(!a)} aria-expanded=${a}>Add agent</button>
    <//>
    ${a&&o`<${xr} onDone=${()=>{n(!1),i()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading agents"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${me.value.map(r=>o`
              <tr key=${r.id} data-agent=${r.email}>
                <td><div class="cell-person"><${Ae} id=${r.id} name=${r.name} url=${r.avatar_url} size="sm" />
                  <div><div class="strong">${r.name}${r.id===pe.value?" (you)":""}</div><div class="muted small">${r.email}</div></div></div></td>
                <td><span class=${"role role-"+r.role}>${r.role}</span>${r.bot?o` <span class="tag">bot</span>`:""}</td>
                <td>${r.disabled?o`<span class="tag tag-muted">disabled</span>`:o`<span class=${"presence-label p-"+(r.presence||"offline")}><span class=${"presence-dot p-"+(r.presence||"offline")} aria-hidden="true"></span>${r.presence||"offline"}</span>`}</td>
                <td class="agent-capacity">${r.bot?"—":r.capacity?`${r.capacity} at once`:"No limit"}</td>
                <td class="muted">${L(r.created_at)}</td>
                <td class="right">${r.id!==pe.value&&o`<button type="button" class="button small ghost" onClick=${()=>s(r)}>${r.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function xr({onDone:e}){let[t,a]=h({name:"",email:"",role:"agent",password:"",avatar_url:"",capacity:"0"}),[n,i]=h(null),[s,r]=h(!1),l=m=>c=>a({...t,[m]:c.currentTarget.value});async function u(m){m.preventDefault(),r(!0);try{await v.createAgent({...t,capacity:Number(t.capacity)||0}),C(`${t.name} can now sign in.`,"success"),e()}catch(c){i(c)}finally{r(!1)}}return o`
    <form class="card form-grid" onSubmit=${u} aria-label="New agent">
      <${W} error=${n} />
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
      <div class="form-actions"><button type="submit" class="button primary" disabled=${s}>Create agent</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}var Pn={en:{open:"Open chat",close:"Close chat",unread:e=>e+(e===1?" unread message":" unread messages"),online:"We usually reply in a few minutes",offline:"We are away right now.",placeholder:"Write a message…",send:"Send",attach:"Attach a file",typing:"Support is typing…",seen:"Seen",sending:"Sending…",failed:"Not sent yet",connecting:"Connecting…",reconnecting:"Connection lost. Reconnecting…",conversations:"Your conversations",newConversation:"New conversation",back:"Back to your conversations",noConversations:"No conversations yet.",you:"You",agent:"Support",resolved:"Resolved",start:"Start the conversation",prechatIntro:"Tell us who you are, so that we can get back to you.",name:"Name",email:"Email",fileTooLarge:"This file is too large.",fileType:"This type of file is not accepted.",error:"Something went wrong. Please try again.",download:"Download",rateAsk:"How was this conversation?",rateScore:e=>e+" of 5",rateComment:"Anything to add? (optional)",rateSend:"Send rating",rateSkip:"Skip",rateThanks:"Thank you for your rating!",queuePosition:e=>"You are number "+e+" in line",queueWait:e=>"Expected wait: "+(e<60?"under a minute":"about "+Math.round(e/60)+" min"),withAgent:e=>"You are chatting with "+e,leave:"Leave a message and we will get back to you.",leavePlaceholder:"Your message…"},de:{open:"Chat öffnen",close:"Chat schließen",unread:e=>e+(e===1?" ungelesene Nachricht":" ungelesene Nachrichten"),online:"Wir antworten meist in wenigen Minuten",offline:"Wir sind gerade nicht da.",placeholder:"Nachricht schreiben…",send:"Senden",attach:"Datei anhängen",typing:"Der Support schreibt…",seen:"Gelesen",sending:"Wird gesendet…",failed:"Noch nicht gesendet",connecting:"Verbinde…",reconnecting:"Verbindung unterbrochen. Verbinde neu…",conversations:"Ihre Unterhaltungen",newConversation:"Neue Unterhaltung",back:"Zurück zu Ihren Unterhaltungen",noConversations:"Noch keine Unterhaltungen.",you:"Sie",agent:"Support",resolved:"Erledigt",start:"Unterhaltung beginnen",prechatIntro:"Sagen Sie uns, wer Sie sind, damit wir antworten können.",name:"Name",email:"E-Mail",fileTooLarge:"Die Datei ist zu groß.",fileType:"Dieser Dateityp wird nicht angenommen.",error:"Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",download:"Herunterladen",rateAsk:"Wie war diese Unterhaltung?",rateScore:e=>e+" von 5",rateComment:"Möchten Sie etwas ergänzen? (optional)",rateSend:"Bewertung senden",rateSkip:"Überspringen",rateThanks:"Danke für Ihre Bewertung!",queuePosition:e=>"Sie sind Nummer "+e+" in der Warteschlange",queueWait:e=>"Voraussichtliche Wartezeit: "+(e<60?"unter einer Minute":"etwa "+Math.round(e/60)+" Min."),withAgent:e=>"Sie chatten mit "+e,leave:"Hinterlassen Sie eine Nachricht, wir melden uns.",leavePlaceholder:"Ihre Nachricht…"},fr:{open:"Ouvrir le chat",close:"Fermer le chat",unread:e=>e+(e===1?" message non lu":" messages non lus"),online:"Nous répondons en général en quelques minutes",offline:"Nous sommes absents pour le moment.",placeholder:"Écrire un message…",send:"Envoyer",attach:"Joindre un fichier",typing:"Le support écrit…",seen:"Lu",sending:"Envoi…",failed:"Pas encore envoyé",connecting:"Connexion…",reconnecting:"Connexion perdue. Reconnexion…",conversations:"Vos conversations",newConversation:"Nouvelle conversation",back:"Retour à vos conversations",noConversations:"Aucune conversation.",you:"Vous",agent:"Support",resolved:"Résolue",start:"Commencer la conversation",prechatIntro:"Dites-nous qui vous êtes pour que nous puissions vous répondre.",name:"Nom",email:"E-mail",fileTooLarge:"Ce fichier est trop volumineux.",fileType:"Ce type de fichier n'est pas accepté.",error:"Une erreur est survenue. Veuillez réessayer.",download:"Télécharger",rateAsk:"Comment s’est passée cette conversation ?",rateScore:e=>e+" sur 5",rateComment:"Un commentaire ? (facultatif)",rateSend:"Envoyer la note",rateSkip:"Passer",rateThanks:"Merci pour votre note !",queuePosition:e=>"Vous êtes numéro "+e+" dans la file",queueWait:e=>"Attente estimée : "+(e<60?"moins d’une minute":"environ "+Math.round(e/60)+" min"),withAgent:e=>"Vous discutez avec "+e,leave:"Laissez un message, nous vous répondrons.",leavePlaceholder:"Votre message…"}};function $s(e,t=navigator.languages||[navigator.language]){for(let a of[e,...t]){let n=(a||"").toLowerCase().split("-")[0];if(Pn[n])return n}return"en"}var ys=e=>Pn[e]||Pn.en;var Na=[["","The visitor's browser language"],["en","English"],["de","Deutsch"],["fr","Français"]],xs=[["name","Name"],["email","Email"]],_r=(e={})=>({title:e.title||"",greeting:e.greeting||"",color:e.color||"#2563eb",locale:e.locale||"",position:e.position==="left"?"left":"right",prechat:{enabled:!!e.prechat?.enabled,fields:[...e.prechat?.fields||[]]}});function _s({inbox:e,onSaved:t}){let[a,n]=h(()=>_r(e.widget)),[i,s]=h(null),[r,l]=h(!1),u=p=>`widget-${p}-${e.id}`,m=p=>g=>n({...a,[p]:g.currentTarget.value}),c=(p,g)=>{let $=xs.map(([y])=>y).filter(y=>y===p?g:a.prechat.fields.includes(y));n({...a,prechat:{...a.prechat,fields:$}})},f=Na.some(([p])=>p===a.locale)?Na:[...Na,[a.locale,a.locale]];async function d(p){p.preventDefault(),l(!0);try{await v.updateInbox(e.id,{widget:a}),s(null),C("Widget settings saved.","success"),t()}catch(g){s(g)}finally{l(!1)}}return o`
    <form class="widget-settings" onSubmit=${d} aria-labelledby=${u("title-h")}>
      <h3 id=${u("title-h")}>Widget</h3>
      <${W} error=${i} />
      <div class="widget-settings-grid">
        <div>
          <label class="field"><span>Title</span>
            <input name="title" value=${a.title} maxlength="500" placeholder=${e.name} onInput=${m("title")} /></label>
          <label class="field"><span>Greeting</span>
            <textarea name="greeting" rows="2" maxlength="500" value=${a.greeting} placeholder="Hi! How can we help?" onInput=${m("greeting")}></textarea></label>
          <div class="field-row">
            <label class="field"><span>Colour</span>
              <span class="color-field">
                <input type="color" name="color" value=${a.color} onInput=${m("color")} aria-describedby=${u("color-hex")} />
                <code id=${u("color-hex")}>${a.color}</code>
              </span></label>
            <fieldset class="field">
              <legend>Position</legend>
              <span class="segmented">
                ${["left","right"].map(p=>o`<label key=${p} class="check">
                  <input type="radio" name=${u("position")} value=${p} checked=${a.position===p} onChange=${()=>n({...a,position:p})} />
                  ${p==="left"?"Bottom left":"Bottom right"}</label>`)}
              </span>
            </fieldset>
          </div>
          <label class="field"><span>Language</span>
            <select name="locale" value=${a.locale} onChange=${m("locale")}>
              ${f.map(([p,g])=>o`<option key=${p} value=${p}>${g}</option>`)}
            </select></label>
          <fieldset class="field">
            <legend>Pre-chat form</legend>
            <label class="switch"><input type="checkbox" name="prechat" checked=${a.prechat.enabled}
              onChange=${p=>n({...a,prechat:{...a.prechat,enabled:p.currentTarget.checked,fields:a.prechat.fields.length?a.prechat.fields:["name","email"]}})} />
              <span>Ask guests who they are before they write</span></label>
            ${a.prechat.enabled&&o`<span class="segmented">${xs.map(([p,g])=>o`<label key=${p} class="check">
              <input type="checkbox" name=${"prechat-"+p} checked=${a.prechat.fields.includes(p)} onChange=${$=>c(p,$.currentTarget.checked)} />${g}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${r}>Save widget</button>
        </div>
        <${kr} inbox=${e} f=${a} />
      </div>
    </form>`}function wr(e){let t=parseInt((e||"").slice(1),16);return isNaN(t)?"#fff":.299*(t>>16)+.587*(t>>8&255)+.114*(t&255)>170?"#111827":"#fff"}function kr({inbox:e,f:t}){let a=ys($s(t.locale)),n={"--w-accent":t.color,"--w-on-accent":wr(t.color)},i=t.prechat.enabled&&t.prechat.fields.length>0;return o`
    <figure class=${"widget-preview pos-"+t.position} style=${n} aria-label="Preview of the widget" data-preview=${e.id}>
      <div class="wp-panel" aria-hidden="true">
        <div class="wp-head">
          <div class="wp-title">${t.title||e.name}</div>
          <div class="wp-sub"><span class="wp-dot"></span>${a.online}</div>
        </div>
        <div class="wp-body">
          ${i?o`<div class="wp-prechat"><p>${a.prechatIntro}</p>
              ${t.prechat.fields.map(s=>o`<span key=${s} class="wp-input">${a[s]}</span>`)}
              <span class="wp-button">${a.start}</span></div>`:t.greeting&&o`<div class="wp-msg">${t.greeting}</div>`}
        </div>
        ${!i&&o`<div class="wp-composer"><span>${a.placeholder}</span><span class="wp-send"></span></div>`}
      </div>
      <div class="wp-launcher" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg></div>
      <figcaption class="muted small">Preview: ${t.title||e.name}, ${t.position==="left"?"bottom left":"bottom right"}, ${Na.find(([s])=>s===t.locale)?.[1]||t.locale}</figcaption>
    </figure>`}var Cr=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function Ee(e,t="Copied"){try{await navigator.clipboard.writeText(e),C(`${t} to the clipboard.`,"success")}catch{C("Select the text and copy it by hand.","error")}}function ws(){let[e,t]=h(!0),[a,n]=h(!1),i=()=>v.inboxes().then(s=>{tt.value=s}).catch(s=>k(s,"Could not load inboxes")).finally(()=>t(!1));return _(()=>{i()},[]),o`
    <${q} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>n(!a)} aria-expanded=${a}>New inbox</button>
    <//>
    ${a&&o`<${Ir} onDone=${()=>{n(!1),i()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:tt.value.length?tt.value.map(s=>o`<${Sr} key=${s.id} inbox=${s} onChange=${i} />`):o`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function Sr({inbox:e,onChange:t}){let[a,n]=h((e.allowed_origins||[]).join(`
`)),[i,s]=h(null),r=Cr(e),l="inbox-"+e.id;async function u(m,c){try{await v.updateInbox(e.id,m),s(null),C(c,"success"),t()}catch(f){s(f)}}return o`
    <section class="card inbox-card" aria-labelledby=${l} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${l}>${e.name}</h2>
          <p class="muted small">Widget title “${e.widget?.title||e.name}” · files up to ${Math.round((e.conversation?.max_attachment_size||0)/1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{background:e.widget?.color||"#2563eb"}}></span>
      </header>
      <${W} error=${i} />
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
              onChange=${m=>u({identity:{require_verified:m.currentTarget.checked}},"Identity settings saved.")} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${Ar} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${m=>{m.preventDefault(),u({allowed_origins:a.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${a} onInput=${m=>n(m.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${Tr} inbox=${e} save=${u} />
        <${_s} inbox=${e} onSaved=${t} />
      </div>
    </section>`}function Tr({inbox:e,save:t}){let a=e.conversation?.auto_resolve_after_seconds||0,[n,i]=h(a?String(a/60):""),s="auto-resolve-"+e.id;function r(l){l.preventDefault();let u=Number(n.trim()||"0");t({conversation:{auto_resolve_after_seconds:Math.round(u*60)}},u?`Conversations inactive for ${u} minutes will be resolved.`:"Auto-resolve is off.")}return o`
    <form class="inbox-auto-resolve" aria-label="Auto-resolve" onSubmit=${r}>
      <h3>Auto-resolve</h3>
      <label class="field" for=${s}><span>Resolve after <span class="muted small">(minutes without activity; empty for off)</span></span>
        <input id=${s} name="auto_resolve_minutes" type="number" min="0" step="1" inputmode="numeric" placeholder="Off"
          value=${n} onInput=${l=>i(l.currentTarget.value)} /></label>
      <p class="muted small">Now: ${a?`after ${a%60?a+" seconds":a/60+" minutes"}`:"off"}. A system line tells the visitor.</p>
      <button type="submit" class="button small">Save auto-resolve</button>
    </form>`}function Ar({identity:e}){let t=Object.entries(e||{}).filter(([n,i])=>n!=="require_verified"&&i!==null&&i!==""&&!(Array.isArray(i)&&i.length===0));if(!t.length)return null;let a=n=>Array.isArray(n)?`${n.length} configured`:typeof n=="object"?JSON.stringify(n):String(n);return o`<dl class="props small">${t.map(([n,i])=>o`<dt>${n.replace(/_/g," ")}</dt><dd>${a(i)}</dd>`)}</dl>`}function Ir({onDone:e}){let[t,a]=h(""),[n,i]=h(""),[s,r]=h(null);async function l(u){u.preventDefault();try{await v.createInbox({name:t,allowed_origins:n.split(/[\s,]+/).filter(Boolean)}),C(`Inbox ${t} created.`,"success"),e()}catch(m){r(m)}}return o`
    <form class="card form-grid" onSubmit=${l} aria-label="New inbox">
      <${W} error=${s} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${u=>a(u.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${n} onInput=${u=>i(u.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function ks(){let[e,t]=h(null),[a,n]=h(!1),[i,s]=h(null),r=()=>v.tokens().then(t).catch(u=>{k(u,"Could not load tokens"),t([])});_(()=>{r()},[]);async function l(u){if(confirm(`Revoke “${u.name}”? Programs using it stop working at once.`))try{await v.revokeToken(u.id),C(`“${u.name}” is revoked.`,"success"),r()}catch(m){k(m)}}return o`
    <${q} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{n(!a),s(null)}} aria-expanded=${a}>Create token</button>
    <//>
    ${i&&o`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${i.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(i.token,"Token copied")}><${ve} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>s(null)}>I have stored it</button>
      </div>`}
    ${a&&o`<${Er} onDone=${u=>{n(!1),u&&s(u),r()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading tokens"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(u=>o`
              <tr key=${u.id} class=${u.revoked_at?"revoked":""} data-token=${u.name}>
                <td class="strong">${u.name}</td>
                <td>${u.scopes.map(m=>o`<span class="tag">${m}</span> `)}</td>
                <td><code>${u.prefix}…</code></td>
                <td class="muted" title=${J(u.created_at)}>${L(u.created_at)} by ${u.created_by?.name}</td>
                <td class="muted">${u.last_used_at?L(u.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${u.expires_at?J(u.expires_at):""}>${u.expires_at?new Date(u.expires_at)<=new Date?o`<span class="tag tag-muted">expired</span>`:L(u.expires_at):"never"}</td>
                <td class="right">${u.revoked_at?o`<span class="tag tag-muted">revoked</span>`:o`<button type="button" class="button small danger-ghost" onClick=${()=>l(u)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function Er({onDone:e}){let t=(X.value?.scopes||[]).filter(p=>!p.startsWith("workspaces:")),[a,n]=h(""),[i,s]=h(!0),[r,l]=h([]),[u,m]=h(""),[c,f]=h(null);async function d(p){p.preventDefault();let g={name:a,scopes:i?["all"]:r};u&&(g.expires_at=new Date(`${u}T00:00:00`).toISOString());try{let $=await v.createToken(g);e($)}catch($){f($)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New API token">
      <${W} error=${c} />
      <label class="field"><span>Name</span><input required value=${a} onInput=${p=>n(p.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${i} onChange=${p=>s(p.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!i&&o`<div class="scope-grid">${t.map(p=>o`
          <label class="check"><input type="checkbox" checked=${r.includes(p)}
            onChange=${g=>l(g.currentTarget.checked?[...r,p]:r.filter($=>$!==p))} /> <code>${p}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${u} min=${Nr()} onInput=${p=>m(p.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a||!i&&!r.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function Nr(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function Cs(){let[e,t]=h(null),[a,n]=h(""),[i,s]=h(!1);async function r(u){s(!0);try{let m=await v.audit(u);t(c=>u?[...c||[],...m.items]:m.items),n(m.next_cursor||"")}catch(m){k(m,"Could not load the audit log"),t(c=>c||[])}finally{s(!1)}}_(()=>{r("")},[]);let l=u=>Object.entries(u||{}).map(([m,c])=>`${m}: ${typeof c=="object"?JSON.stringify(c):c}`).join(", ");return o`
    <${q} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(u=>o`
              <tr key=${u.id}>
                <td class="muted nowrap" title=${J(u.created_at)}>${L(u.created_at)}</td>
                <td><span class="tag tag-muted">${u.actor.type}</span> ${u.actor.name}</td>
                <td><code class="action">${u.action}</code></td>
                <td class="muted small details">${l(u.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${a&&o`<div class="center"><button type="button" class="button" disabled=${i} onClick=${()=>r(a)}>Load more</button></div>`}`:o`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}function Ss(){let[e,t]=h(null),[a,n]=h(""),[i,s]=h(null);if(_(()=>{A("/api/v1/sign-in").then(t).catch(c=>k(c,"Could not load the sign-in settings"))},[]),!e)return o`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;let r=e.oidc,l=(c,f)=>t({...e,oidc:{...r,[c]:f}}),u=(c,f,d)=>l("mappings",r.mappings.map((p,g)=>g===c?{...p,[f]:d}:p));async function m(c){c.preventDefault(),s(null);let f={password:e.password,oidc:{...r,client_secret:a||void 0},external:e.external};delete f.oidc.client_secret_set;try{t(await pt("/api/v1/sign-in",f)),n(""),C("Sign-in settings saved.","success")}catch(d){s(d)}}return o`
    <${q} title="Sign-in" sub="How the agents of this workspace sign in to the console. See docs/sign-in.md." />
    <form class="card form-grid" onSubmit=${m} aria-label="Sign-in settings">
      <${W} error=${i} />
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
          <input name="client_secret" type="password" autocomplete="off" value=${a} onInput=${c=>n(c.currentTarget.value)} /></label>
        <label class="field"><span>Scopes <span class="muted">(besides openid; comma-separated)</span></span>
          <input name="scopes" value=${r.scopes.join(", ")} placeholder="profile, email, groups"
            onInput=${c=>l("scopes",c.currentTarget.value.split(",").map(f=>f.trim()).filter(Boolean))} /></label>
        <label class="field"><span>Button label</span><input name="button_label" value=${r.button_label} placeholder="Sign in with single sign-on" onInput=${c=>l("button_label",c.currentTarget.value)} /></label>
        <label class="field"><span>Claim mapped to roles</span><input name="claim" value=${r.claim} placeholder="groups" onInput=${c=>l("claim",c.currentTarget.value)} /></label>
        ${r.mappings.map((c,f)=>o`
          <div class="mapping-row" data-mapping=${f}>
            <label class="field"><span>Claim value</span><input value=${c.value} onInput=${d=>u(f,"value",d.currentTarget.value)} /></label>
            <label class="field"><span>Role</span><select value=${c.role} onChange=${d=>u(f,"role",d.currentTarget.value)}>
              <option value="agent">agent</option><option value="supervisor">supervisor</option><option value="admin">admin</option></select></label>
            <label class="field"><span>Tier</span><input type="number" min="0" max="9" value=${c.tier} onInput=${d=>u(f,"tier",Number(d.currentTarget.value)||0)} /></label>
            <button type="button" class="button small ghost" aria-label="Remove this mapping" onClick=${()=>l("mappings",r.mappings.filter((d,p)=>p!==f))}>Remove</button>
          </div>`)}
        <button type="button" class="button small" onClick=${()=>l("mappings",[...r.mappings,{value:"",role:"agent",tier:0}])}>Add a mapping</button>
        <label class="field"><span>Role when no mapping matches</span>
          <select name="default_role" value=${r.default_role} onChange=${c=>l("default_role",c.currentTarget.value)}>
            <option value="">none: refuse the first sign-in</option><option value="agent">agent</option><option value="supervisor">supervisor</option></select></label>
        <label class="switch"><input type="checkbox" name="create_agents" checked=${r.create_agents} onChange=${c=>l("create_agents",c.currentTarget.checked)} />
          <span>Create agents on their first sign-in (else only agents you created may sign in)</span></label>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary">Save</button></div>
    </form>`}function Ts(){let[e,t]=h(null),[a,n]=h({product_name:"",sign_in_title:"",color:""}),[i,s]=h(null),r=f=>{t(f),Te.value=f,n({product_name:f.product_name,sign_in_title:f.sign_in_title,color:f.color})};_(()=>{A("/api/v1/branding").then(r).catch(f=>k(f,"Could not load the branding"))},[]);async function l(f){f.preventDefault(),s(null);try{r(await Re("/api/v1/branding",a)),C("Branding saved.","success")}catch(d){s(d)}}async function u(f,d){if(d)try{r(await Pe("PUT",`/api/v1/branding/${f}`,{headers:{"Content-Type":d.type||"application/octet-stream"},raw:d})),C(f==="logo"?"Logo saved.":"Default avatar saved.","success")}catch(p){k(p,"Upload refused")}}async function m(f){try{r(await Pe("DELETE",`/api/v1/branding/${f}`))}catch(d){k(d)}}let c=f=>d=>n({...a,[f]:d.currentTarget.value});return e?o`
    <${q} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${l} aria-label="Branding">
      <${W} error=${i} />
      <label class="field"><span>Product name</span>
        <input name="product_name" maxlength="60" value=${a.product_name} placeholder="Parley" onInput=${c("product_name")} /></label>
      <label class="field"><span>Sign-in page title</span>
        <input name="sign_in_title" maxlength="120" value=${a.sign_in_title} placeholder=${`Sign in to ${a.product_name||"Parley"}`} onInput=${c("sign_in_title")} /></label>
      <label class="field"><span>Colour <span class="muted">(#rrggbb; the widget uses it when the inbox sets none)</span></span>
        <input name="color" maxlength="7" value=${a.color} placeholder="#4f46e5" onInput=${c("color")} /></label>
      <div class="form-actions"><button type="submit" class="button primary" id="save-branding">Save</button></div>
    </form>
    ${[["logo","Logo","Shown in the console’s header and on the sign-in page."],["avatar","Default agent avatar","The widget shows it for agents who have no picture."]].map(([f,d,p])=>o`
      <section class="card" aria-labelledby=${"brand-"+f}>
        <h2 id=${"brand-"+f}>${d}</h2>
        <p class="muted">${p} PNG, JPEG, GIF or WebP, at most 256 KiB and 2048 pixels a side.</p>
        <div class="brand-preview">
          ${e[f+"_url"]?o`<img src=${e[f+"_url"]} alt=${d} data-brand-preview=${f} />`:o`<span class="muted">None</span>`}
          <label class="button small">Upload…<input type="file" class="sr-only" name=${f} accept="image/png,image/jpeg,image/gif,image/webp"
            onChange=${g=>u(f,g.currentTarget.files[0])} /></label>
          ${e[f+"_url"]&&o`<button type="button" class="button small ghost" onClick=${()=>m(f)}>Remove</button>`}
        </div>
      </section>`)}`:o`<div class="spinner" role="status" aria-label="Loading the branding"></div>`}function As(){let[e,t]=h(null),[a,n]=h([]),[i,s]=h(!1),[r,l]=h(null),u=()=>v.contextEndpoints().then(t).catch(d=>{k(d,"Could not load context endpoints"),t([])});_(()=>{u(),v.inboxes().then(n).catch(()=>{})},[]);let m=d=>d?a.find(p=>p.id===d)?.name||d:"Every inbox";async function c(d){if(confirm(`Replace the secret of “${d.title}”? Requests are signed with the new one at once: update your endpoint.`))try{let p=await v.rotateContextSecret(d.id);l({title:p.title,secret:p.secret})}catch(p){k(p)}}async function f(d){if(confirm(`Delete “${d.title}”? Agents no longer see its data.`))try{await v.deleteContextEndpoint(d.id),C(`“${d.title}” is deleted.`,"success"),u()}catch(p){k(p)}}return o`
    <${q} title="Customer data" sub="Your endpoints whose answers agents see beside the conversation: rows, links and charts.">
      <button type="button" class="button primary" onClick=${()=>{s(!i),l(null)}} aria-expanded=${i}>Add endpoint</button>
    <//>
    ${r&&o`
      <div class="card callout" role="status" aria-labelledby="ctx-secret-title">
        <h2 id="ctx-secret-title">Copy the signing secret of “${r.title}” now</h2>
        <p>This is the only time it is shown. Your endpoint checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="context-secret">${r.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(r.secret,"Secret copied")}><${ve} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>l(null)}>I have stored it</button>
      </div>`}
    ${i&&o`<${Dr} inboxes=${a} onDone=${d=>{s(!1),d&&l({title:d.title,secret:d.secret}),u()}} />`}
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
      </div>`:o`<div class="empty"><h2>No context endpoints</h2><p class="muted">Add one to show your own data about customers in the contact panel.</p></div>`}`}function Dr({inboxes:e,onDone:t}){let[a,n]=h(""),[i,s]=h(""),[r,l]=h(""),[u,m]=h(!1),[c,f]=h(null);async function d(p){p.preventDefault();try{t(await v.createContextEndpoint({title:a,url:i,inbox_id:r||void 0,statistics:u}))}catch(g){f(g)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New context endpoint">
      <${W} error=${c} />
      <label class="field"><span>Title</span><input required maxlength="64" value=${a} onInput=${p=>n(p.currentTarget.value)} placeholder="The heading agents see, e.g. Orders" /></label>
      <label class="field"><span>URL</span><input required type="url" value=${i} onInput=${p=>s(p.currentTarget.value)} placeholder="https://crm.example.com/parley/orders" aria-describedby="ctx-url-help" />
        <small id="ctx-url-help" class="muted">Parley POSTs the contact's identifiers and the agent's id here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Inbox</span>
        <select value=${r} onChange=${p=>l(p.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map(p=>o`<option value=${p.id}>${p.name}</option>`)}
        </select></label>
      <label class="switch"><input type="checkbox" checked=${u} onChange=${p=>m(p.currentTarget.checked)} /><span>Statistics: send a date range agents choose</span></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a||!i}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>t(null)}>Cancel</button></div>
    </form>`}var Rr=1500;function Is(){let[e,t]=h(null),[a,n]=h([]),[i,s]=h([]),[r,l]=h(!1),[u,m]=h(null),[c,f]=h(null),[d,p]=h(0),g=()=>v.webhooks().then(t).catch(x=>{k(x,"Could not load webhooks"),t([])});_(()=>{g(),v.inboxes().then(n).catch(()=>{}),v.webhookEventTypes().then(s).catch(()=>{})},[]);let $=x=>x?a.find(R=>R.id===x)?.name||x:"Every inbox";async function y(x){try{await v.pingWebhook(x.id),C("Test event sent. Its delivery is in the log below.","success"),f(x.id),p(R=>R+1)}catch(R){k(R)}}async function b(x){if(confirm(`Replace the secret of ${x.url}? For 24 hours requests carry both signatures, the new secret's and the old one's.`))try{let R=await v.rotateWebhookSecret(x.id);m({url:R.url,secret:R.secret}),g()}catch(R){k(R)}}async function w(x,R){try{await v.updateWebhook(x.id,{enabled:R}),C(R?`${x.url} is enabled.`:`${x.url} is disabled.`,"success"),g()}catch(N){k(N)}}async function T(x){if(confirm(`Delete the endpoint ${x.url}? Its pending deliveries and its delivery log are deleted too.`))try{await v.deleteWebhook(x.id),C(`${x.url} is deleted.`,"success"),c===x.id&&f(null),g()}catch(R){k(R)}}let I=e?.find(x=>x.id===c);return o`
    <${q} title="Webhooks" sub="Your URLs that Parley sends events to, signed, retried and logged.">
      <button type="button" class="button primary" onClick=${()=>{l(!r),m(null)}} aria-expanded=${r}>Add endpoint</button>
    <//>
    ${u&&o`
      <div class="card callout" role="status" aria-labelledby="wh-secret-title">
        <h2 id="wh-secret-title">Copy the signing secret now</h2>
        <p>This is the only time the secret of <code>${u.url}</code> is shown. Your receiver checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="webhook-secret">${u.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(u.secret,"Secret copied")}><${ve} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>m(null)}>I have stored it</button>
      </div>`}
    ${r&&o`<${zr} inboxes=${a} catalogue=${i}
      onDone=${x=>{l(!1),x&&(m({url:x.url,secret:x.secret}),f(x.id)),g()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading webhooks"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Webhook endpoints">
          <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Inbox</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(x=>o`
              <tr key=${x.id} data-webhook=${x.url} class=${x.enabled?"":"revoked"}>
                <td class="details"><code class="strong">${x.url}</code>${x.description&&o`<div class="muted">${x.description}</div>`}</td>
                <td>${x.event_types.map(R=>o`<span class="tag">${R}</span> `)}</td>
                <td class="muted">${$(x.inbox_id)}</td>
                <td class="webhook-state"><${Pr} e=${x} /></td>
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
    ${I&&o`<${qr} key=${I.id} endpoint=${I} refresh=${d} onLoad=${g} />`}`}function Pr({e}){return e.enabled?o`<span class="tag tag-ok">Enabled</span>
      ${e.failing_since&&o`<div class="wh-failing" title=${J(e.failing_since)}>Failing since ${L(e.failing_since)}</div>`}`:e.disabled_reason?o`<span class="tag tag-bad">Disabled by Parley</span><div class="wh-reason">${e.disabled_reason}</div>`:o`<span class="tag tag-muted">Disabled</span>`}function zr({inboxes:e,catalogue:t,onDone:a}){let[n,i]=h(""),[s,r]=h(""),[l,u]=h(""),[m,c]=h(""),[f,d]=h(null),p=s.split(/[\s,]+/).filter(Boolean);async function g($){$.preventDefault();try{a(await v.createWebhook({url:n,event_types:p,inbox_id:l||void 0,description:m||void 0}))}catch(y){d(y)}}return o`
    <form class="card form-grid" onSubmit=${g} aria-label="New webhook endpoint">
      <${W} error=${f} />
      <label class="field"><span>URL</span><input required type="url" name="url" maxlength="2048" value=${n} onInput=${$=>i($.currentTarget.value)}
        placeholder="https://crm.example.com/parley-events" aria-describedby="wh-url-help" />
        <small id="wh-url-help" class="muted">Parley POSTs each event here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Event types</span><input required name="event_types" value=${s} onInput=${$=>r($.currentTarget.value)}
        placeholder="conversation.*, message.created" aria-describedby="wh-types-help" />
        <small id="wh-types-help" class="muted">Separated by commas. A group such as <code>conversation.*</code> is every type of it; <code>*</code> is every type.</small></label>
      <label class="field"><span>Inbox</span>
        <select name="inbox_id" value=${l} onChange=${$=>u($.currentTarget.value)}>
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
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!p.length}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>a(null)}>Cancel</button></div>
    </form>`}function qr({endpoint:e,refresh:t,onLoad:a}){let[n,i]=h(null),[s,r]=h(0),[l,u]=h(null),m=()=>v.webhookDeliveries(e.id).then(i).catch(d=>{k(d,"Could not load deliveries"),i([])}).then(a);_(()=>{m()},[t,s]);let c=Math.min(...(n||[]).filter(d=>d.status==="pending").map(d=>d.next_attempt_at?new Date(d.next_attempt_at).getTime():Date.now()));_(()=>{if(!Number.isFinite(c))return;let d=setTimeout(()=>r(p=>p+1),Math.min(Math.max(c-Date.now()+500,Rr),6e4));return()=>clearTimeout(d)},[c,n]);async function f(d){try{await v.redeliverWebhook(e.id,d.id),C(`${d.event_type} is sent again.`,"success"),r(p=>p+1)}catch(p){k(p)}}return o`
    <section class="card wh-deliveries" id="wh-deliveries" aria-labelledby="wh-deliveries-title">
      <div class="card-head">
        <div><h2 id="wh-deliveries-title">Deliveries to <code>${e.url}</code></h2>
          <p class="muted">The newest first. Each request is a POST of the event, signed, with the header <code>webhook-id</code> the same on every attempt.</p></div>
        <button type="button" class="button small ghost" onClick=${()=>r(d=>d+1)}><${wa} size=${14} /> Refresh</button>
      </div>
      ${n===null?o`<div class="spinner" role="status" aria-label="Loading deliveries"></div>`:n.length?o`
        <div class="table-wrap">
          <table class="table" aria-label=${"Deliveries to "+e.url}>
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last result</th><th scope="col">Created</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${n.map(d=>o`
                <tr key=${d.id} data-delivery=${d.id} data-event-type=${d.event_type}>
                  <td><span class="strong">${d.event_type}</span><div class="muted"><code>${d.event_id}</code></div></td>
                  <td><span class=${"tag delivery-status "+Mr(d.status)} data-status=${d.status}>${d.status}</span>
                    ${d.status==="pending"&&d.next_attempt_at&&o`<div class="muted">next ${L(d.next_attempt_at)}</div>`}</td>
                  <td class="delivery-attempts">${d.attempts}</td>
                  <td>${d.last_status_code?o`HTTP ${d.last_status_code}`:""}${d.last_error&&o`<div class="wh-reason">${d.last_error}</div>`}</td>
                  <td class="muted" title=${J(d.created_at)}>${L(d.created_at)}</td>
                  <td class="right">
                    <button type="button" class="button small ghost" aria-expanded=${l===d.id}
                      onClick=${()=>u(l===d.id?null:d.id)} aria-label=${"Details of "+d.event_type+" "+d.event_id}>Details</button>
                    <button type="button" class="button small ghost" onClick=${()=>f(d)} aria-label=${"Redeliver "+d.event_type+" "+d.event_id}>Redeliver</button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>
        ${l&&o`<${Or} key=${l+s} endpoint=${e} id=${l} />`}`:o`<p class="muted">No deliveries yet. Send a test event to see one.</p>`}
    </section>`}var Mr=e=>e==="delivered"?"tag-ok":e==="failed"?"tag-bad":"tag-muted";function Lr(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}function Or({endpoint:e,id:t}){let[a,n]=h(null);return _(()=>{v.webhookDelivery(e.id,t).then(n).catch(i=>k(i,"Could not load the delivery"))},[t]),a?o`
    <div class="wh-attempts" data-delivery-detail=${a.id}>
      <h3>Request</h3>
      <pre class="wh-request"><code>${[`POST ${e.url}`,"content-type: application/json",`webhook-id: ${a.event_id}`,"webhook-timestamp, webhook-signature: set on each attempt"].join(`
`)}</code></pre>
      ${a.request_body?o`<pre class="wh-request-body"><code>${Lr(a.request_body)}</code></pre>`:o`<p class="muted wh-no-body">The body, the <code>${a.event_type}</code> event, is not shown: the event is no longer kept.</p>`}
      <h3>Attempts</h3>
      ${a.attempt_log?.length?o`
        <ol class="wh-attempt-list">
          ${a.attempt_log.map(i=>o`
            <li data-attempt=${i.id}>
              <div><span class="strong attempt-result">${i.status_code?`HTTP ${i.status_code}`:"No response"}</span>
                <span class="muted"> · <span class="attempt-latency">${i.latency_ms.toFixed(1)} ms</span> · <span title=${J(i.attempted_at)}>${L(i.attempted_at)}</span></span></div>
              ${i.error&&o`<div class="wh-reason">${i.error}</div>`}
              <div class="muted">Response${i.response?"":": empty"}</div>
              ${i.response&&o`<pre class="attempt-response"><code>${i.response}</code></pre>`}
            </li>`)}
        </ol>`:o`<p class="muted">No attempt yet.</p>`}
    </div>`:o`<div class="spinner" role="status" aria-label="Loading the delivery"></div>`}var Ur={all:"Everything in this workspace that an administrator’s API token can do: read and change agents, inboxes, contacts, conversations, webhooks, tokens, apps and the audit log.","agents:read":"See the agents of this workspace: their names, emails, roles, presence and attributes.","agents:write":"Create agents and bots, and change, disable and delete the agents it created.","agents:manage_all":"Change, disable and delete any agent of this workspace, also the ones it did not create.","inboxes:read":"See the inboxes with their widget settings, the branding and the customer data endpoints.","inboxes:write":"Create inboxes and change their settings, identity rules and allowed sites.","contacts:read":"Read your contacts: visitors’ names, emails, phone numbers and attributes.","contacts:write":"Create, change, merge and erase contacts.","conversations:read":"Read every conversation with its messages and the agents’ private notes.","conversations:write":"Write in conversations as an agent, and assign, transfer, resolve and reopen them.","webhooks:read":"See the webhook endpoints and their delivery logs.","webhooks:write":"Add, change and delete webhook endpoints, and send events to them again.","visitors:write":"Open chat sessions for visitors on your site, as your back-end does for signed-in users.","tokens:read":"See the API tokens and the installed apps (never their secrets).","tokens:write":"Create and revoke API tokens, and install, change and uninstall apps.","audit:read":"Read the audit log: who changed what, and when.","labels:write":"Create, rename and delete labels.","canned_responses:write":"Add, change and delete the shared canned responses.","routing:write":"Change teams, queues and routing rules."},Wr=[["agents_total","Agents and bots it created that exist at once",10],["agents_per_day","Agents and bots it may create in 24 hours",10],["requests_per_minute","API requests a minute",600]],Da=null;function Ns({id:e}){return e?o`<${Br} id=${e} />`:o`<${Fr} />`}function Fr(){let[e,t]=h(null),[a,n]=h(!1);_(()=>{v.apps().then(t).catch(s=>{k(s,"Could not load apps"),t([])})},[]);let i=s=>H(`${M}/admin/apps/${encodeURIComponent(s.id)}`);return o`
    <${q} title="Apps" sub="Integrations installed from a manifest, each with the rights and quotas you approved.">
      <button type="button" class="button primary" onClick=${()=>n(!a)} aria-expanded=${a}>Install app</button>
    <//>
    ${a&&o`<${Hr} onCancel=${()=>n(!1)}
      onInstalled=${s=>{Da=s,C(`“${s.name}” is installed.`,"success"),i(s)}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading apps"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Apps">
          <thead><tr><th scope="col">Name</th><th scope="col">Publisher</th><th scope="col">Scopes</th><th scope="col">State</th><th scope="col">Installed</th></tr></thead>
          <tbody>
            ${e.map(s=>o`
              <tr key=${s.id} data-app=${s.name} class=${s.enabled?"":"revoked"}>
                <td class="strong"><a href=${`${M}/admin/apps/${encodeURIComponent(s.id)}`} onClick=${r=>{!r.metaKey&&!r.ctrlKey&&(r.preventDefault(),i(s))}}>${s.name}</a></td>
                <td class="muted">${s.manifest.publisher||"—"}</td>
                <td>${s.scopes.map(r=>o`<span class="tag">${r}</span> `)}</td>
                <td>${s.enabled?o`<span class="tag tag-ok">Enabled</span>`:o`<span class="tag tag-muted">Disabled</span>`}</td>
                <td class="muted" title=${J(s.created_at)}>${L(s.created_at)} by ${s.installed_by}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:!a&&o`<div class="empty"><h2>No apps</h2><p class="muted">Install one from the manifest its publisher gives you.</p></div>`}`}function jr(e){let t;try{t=JSON.parse(e)}catch(a){return{error:`This is not JSON: ${a.message}`}}return!t||typeof t!="object"||Array.isArray(t)?{error:"A manifest is a JSON object, with at least a name and scopes."}:typeof t.name!="string"||!t.name.trim()?{error:"The manifest has no name."}:!Array.isArray(t.scopes)||!t.scopes.length||t.scopes.some(a=>typeof a!="string")?{error:'The manifest asks for no scopes: it must list them in "scopes".'}:{manifest:t}}var Es=64*1024;function Hr({onCancel:e,onInstalled:t}){let[a,n]=h(""),[i,s]=h(null),[r,l]=h(""),[u,m]=h(null),[c,f]=h(!1);async function d($){let y=$.currentTarget.files?.[0];if(y){if(y.size>Es){l(`The file is too large for a manifest (${y.size} bytes; at most ${Es}).`);return}n(await y.text()),l("")}}function p($){$.preventDefault();let y=jr(a);l(y.error||""),m(null),y.manifest&&s(y.manifest)}async function g(){f(!0);try{t(await v.installApp(i))}catch($){m($)}finally{f(!1)}}return i?o`
      <section class="card app-review" aria-labelledby="app-review-title">
        <h2 id="app-review-title">Install “${i.name}”?</h2>
        <${Ds} m=${i} />
        <${Rs} scopes=${i.scopes} heading="What it will be able to read and do" />
        <${Ps} quotas=${i.quotas||{}} />
        <${zs} webhook=${i.webhook} />
        <${qs} panel=${i.panel} name=${i.name} />
        <p>Approving grants all of this; you may narrow it later, never widen it.</p>
        <${W} error=${u} />
        <div class="form-actions">
          <button type="button" class="button primary" onClick=${g} disabled=${c}>Approve and install</button>
          <button type="button" class="button ghost" onClick=${()=>{s(null),m(null)}}>Back to the manifest</button>
          <button type="button" class="button ghost" onClick=${e}>Cancel</button>
        </div>
      </section>`:o`
    <form class="card" onSubmit=${p} aria-label="App manifest">
      ${r&&o`<div class="form-error" role="alert">${r}</div>`}
      <label class="field"><span>Manifest (JSON)</span>
        <textarea name="manifest" rows="12" class="mono" value=${a} onInput=${$=>n($.currentTarget.value)}
          aria-describedby="app-manifest-help" spellcheck="false"></textarea>
        <small id="app-manifest-help" class="muted">Paste the manifest the app's publisher gives you, or choose its file below. Nothing is installed before you approve it.</small></label>
      <label class="field"><span>Or a manifest file</span><input type="file" name="manifest_file" accept=".json,application/json" onChange=${d} /></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a.trim()}>Review</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function Ds({m:e}){return o`
    <dl class="app-about">
      ${e.description&&o`<dt>Description</dt><dd>${e.description}</dd>`}
      <dt>Publisher</dt><dd>${e.publisher||"Not given"}</dd>
      ${e.homepage&&o`<dt>Homepage</dt><dd><a href=${/^https:\/\//.test(e.homepage)?e.homepage:void 0} rel="noopener noreferrer" target="_blank">${e.homepage}</a></dd>`}
    </dl>`}function Rs({scopes:e,heading:t}){return o`
    <h3>${t}</h3>
    <ul class="app-scopes">
      ${e.map(a=>o`
        <li data-scope=${a}><span class="scope-sentence">${Ur[a]||`Something Parley does not know (${a}): the server will refuse to install it.`}</span>
          <code class="muted">${a}</code></li>`)}
    </ul>`}function Ps({quotas:e,usage:t}){return o`
    <h3>Quotas</h3>
    <table class="table app-quotas" aria-label="Quotas">
      <thead><tr><th scope="col">Quota</th>${t&&o`<th scope="col">Used</th>`}<th scope="col">Limit</th></tr></thead>
      <tbody>
        ${Wr.map(([a,n,i])=>o`
          <tr data-quota=${a}><th scope="row">${n}</th>
            ${t&&o`<td class="quota-used">${a in t?`${t[a]} of ${e[a]||i}`:"counted by each node"}</td>`}
            <td class="quota-limit">${e[a]?e[a]:`${i} (the default)`}</td></tr>`)}
      </tbody>
    </table>`}function zs({webhook:e,id:t}){return o`
    <h3>Webhook</h3>
    ${e?o`
      <p class="app-webhook">Parley sends the events ${e.event_types.map(a=>o`<span class="tag">${a}</span> `)} to <code>${e.url}</code>, signed.
        ${t&&o` <a href=${`${M}/admin/webhooks`} onClick=${a=>{a.preventDefault(),H(`${M}/admin/webhooks`)}}>See its deliveries</a>.`}</p>`:o`<p class="app-webhook muted">None: Parley sends this app no events.</p>`}`}function qs({panel:e,name:t}){return o`
    <h3>Panel beside conversations</h3>
    ${e?o`
      <p class="app-panel-review">Agents see “${e.title||t}”, the page <code>${e.url}</code>, beside each conversation they may read,
        in a sandboxed frame. It is told the conversation’s and contact’s IDs, with a token valid 5 minutes that reads only them.</p>`:o`<p class="app-panel-review muted">None.</p>`}`}function Br({id:e}){let[t,a]=h(null),[n]=h(()=>{let m=Da?.id===e?Da:null;return Da=null,m}),[i,s]=h(!!n),r=()=>v.app(e).then(a).catch(m=>{k(m,"Could not load the app"),a(!1)});_(()=>{r()},[e]);async function l(m){if(!(!m&&!confirm(`Disable “${t.name}”? Its access tokens stop working and its connections close at once.`)))try{a(await(m?v.enableApp(e):v.disableApp(e)).then(()=>v.app(e))),C(m?`“${t.name}” is enabled.`:`“${t.name}” is disabled.`,"success")}catch(c){k(c)}}async function u(){if(confirm(`Uninstall “${t.name}”? Its access tokens and its webhook are deleted at once; the agents it created remain.`))try{await v.uninstallApp(e),C(`“${t.name}” is uninstalled.`,"success"),H(`${M}/admin/apps`)}catch(m){k(m)}}return t===null?o`<div class="spinner" role="status" aria-label="Loading the app"></div>`:t===!1?o`<div class="empty"><h1>App not found</h1><p><a href=${`${M}/admin/apps`} onClick=${m=>{m.preventDefault(),H(`${M}/admin/apps`)}}>All apps</a></p></div>`:o`
    <${q} title=${t.name} sub=${t.enabled?"Enabled":"Disabled: its access tokens are refused."}>
      <a class="button ghost" href=${`${M}/admin/apps`} onClick=${m=>{m.preventDefault(),H(`${M}/admin/apps`)}}>All apps</a>
      ${t.enabled?o`<button type="button" class="button" onClick=${()=>l(!1)}>Disable</button>`:o`<button type="button" class="button" onClick=${()=>l(!0)}>Enable</button>`}
      <button type="button" class="button danger-ghost" onClick=${u}>Uninstall</button>
    <//>
    ${i&&n&&o`
      <div class="card callout" role="status" aria-labelledby="app-secret-title">
        <h2 id="app-secret-title">Copy the app's secrets now</h2>
        <p>This is the only time they are shown. Give them to the app: it signs in with its client ID and secret${n.webhook_secret?", and checks the signature of each webhook request with the webhook secret":""}.</p>
        <dl class="app-about">
          <dt>Client ID</dt><dd><code class="app-client-id">${n.client_id}</code></dd>
        </dl>
        <div class="snippet"><pre><code class="app-client-secret">${n.client_secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(n.client_secret,"Client secret copied")} aria-label="Copy the client secret"><${ve} size=${14} /> Copy</button></div>
        ${n.webhook_secret&&o`
          <div class="snippet"><pre><code class="app-webhook-secret">${n.webhook_secret}</code></pre>
            <button type="button" class="button small" onClick=${()=>Ee(n.webhook_secret,"Webhook secret copied")} aria-label="Copy the webhook secret"><${ve} size=${14} /> Copy</button></div>`}
        <button type="button" class="button ghost small" onClick=${()=>s(!1)}>I have stored them</button>
      </div>`}
    <section class="card app-detail" aria-labelledby="app-detail-title">
      <h2 id="app-detail-title">Rights, quotas and webhook</h2>
      <${Ds} m=${t.manifest} />
      <p class="muted">Client ID <code>${t.client_id}</code> · installed ${L(t.created_at)} by ${t.installed_by}</p>
      <${Rs} scopes=${t.scopes} heading="What it can read and do" />
      <${Ps} quotas=${t.quotas} usage=${t.usage||{}} />
      <${zs} webhook=${t.manifest.webhook} id=${t.webhook_id} />
      <${qs} panel=${t.manifest.panel} name=${t.name} />
    </section>`}function Ms(){let[e,t]=h(null),[a,n]=h(null),i=()=>(Pt(),v.teams().then(t).catch(l=>{k(l,"Could not load teams"),t([])}));_(()=>{i(),v.agents().then(l=>{me.value=l}).catch(()=>{})},[]);let s=l=>me.value.find(u=>u.id===l)?.name||l;async function r(l){if(confirm(`Delete the team ${l.name}? Its agents stay; only the group is deleted.`))try{await v.deleteTeam(l.id),C(`${l.name} is deleted.`,"success"),a?.id===l.id&&n(null),i()}catch(u){k(u,`Could not delete ${l.name}`)}}return o`
    <${q} title="Teams" sub="Groups of agents. A queue gives its conversations to the members of its team.">
      <button type="button" class="button primary" onClick=${()=>n(a==="new"?null:"new")} aria-expanded=${a==="new"}>Add team</button>
    <//>
    ${a&&o`<${Vr} key=${a==="new"?"new":a.id} team=${a==="new"?null:a}
      onDone=${()=>{n(null),i()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading teams"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Teams">
          <thead><tr><th scope="col">Team</th><th scope="col">Agents</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(l=>o`
              <tr key=${l.id} data-team=${l.name}>
                <td class="strong">${l.name}</td>
                <td class="team-members">${l.agent_ids.length?l.agent_ids.map(u=>o`<span class="tag">${s(u)}</span> `):o`<span class="muted">No agents</span>`}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>n(l)} aria-label=${"Edit "+l.name}>Edit</button>
                  <button type="button" class="button small danger-ghost" onClick=${()=>r(l)} aria-label=${"Delete "+l.name}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No teams</h2><p class="muted">Add one, then route a queue to it on the Queues page.</p></div>`}`}function Vr({team:e,onDone:t}){let[a,n]=h(e?.name||""),[i,s]=h(e?.agent_ids||[]),[r,l]=h(null),[u,m]=h(!1),c=g=>s(i.includes(g)?i.filter($=>$!==g):[...i,g]);async function f(g){g.preventDefault(),m(!0);try{e?await v.updateTeam(e.id,{name:a,agent_ids:i}):await v.createTeam({name:a,agent_ids:i}),C(e?`${a} is saved.`:`${a} is created.`,"success"),t()}catch($){l($)}finally{m(!1)}}let d=e?`Edit team ${e.name}`:"New team",p=me.value.filter(g=>!g.disabled||i.includes(g.id));return o`
    <form class="card form-grid" onSubmit=${f} aria-label=${d}>
      <${W} error=${r} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${a}
        onInput=${g=>n(g.currentTarget.value)} placeholder="Support" /></label>
      <fieldset class="field">
        <legend>Agents</legend>
        <div class="scope-grid">
          ${p.map(g=>o`
            <label class="check" key=${g.id}><input type="checkbox" name="agent" value=${g.id} checked=${i.includes(g.id)}
              onChange=${()=>c(g.id)} /> ${g.name}${g.bot?" (bot)":""}</label>`)}
        </div>
        <small class="muted">An agent may be in several teams. Bots are never given conversations by a queue's strategy.</small>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${u||!a.trim()}>${e?"Save team":"Create team"}</button>
        <button type="button" class="button ghost" onClick=${t}>Cancel</button></div>
    </form>`}var Ls=[["manual","Manual — agents take conversations themselves"],["round_robin","Round robin — each agent in turn"],["least_busy","Least busy — the agent holding the fewest"],["longest_idle","Longest idle — the agent assigned longest ago"]],Kr=e=>e==="external"?"External service":Ls.find(([t])=>t===e)?.[1].split(" — ")[0]||e,qn=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function Os(){let[e,t]=h(null),[a,n]=h([]),[i,s]=h([]),[r,l]=h(null),u=()=>(Pt(),v.queues().then(t).catch(f=>{k(f,"Could not load queues"),t([])}));_(()=>{u(),v.teams().then(n).catch(()=>{}),v.inboxes().then(s).catch(()=>{})},[]);let m=f=>f?a.find(d=>d.id===f)?.name||f:"Every agent";async function c(f){if(confirm(`Delete the queue ${f.name}?`))try{await v.deleteQueue(f.id),C(`${f.name} is deleted.`,"success"),r?.id===f.id&&l(null),u()}catch(d){k(d,`Could not delete ${f.name}`)}}return o`
    <${q} title="Queues" sub="Where conversations wait, and how they reach agents.">
      <button type="button" class="button primary" onClick=${()=>l(r==="new"?null:"new")} aria-expanded=${r==="new"}>Add queue</button>
    <//>
    ${r&&o`<${Zr} key=${r==="new"?"new":r.id} queue=${r==="new"?null:r} teams=${a}
      onDone=${()=>{l(null),u()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading queues"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Queues">
          <thead><tr><th scope="col">Queue</th><th scope="col">Team</th><th scope="col">Strategy</th><th scope="col">Capacity</th><th scope="col">Business hours</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(f=>o`
              <tr key=${f.id} data-queue=${f.name}>
                <td><span class="strong">${f.name}</span>${f.default&&o` <span class="tag tag-muted">Default</span>`}</td>
                <td class="queue-team">${m(f.team_id)}</td>
                <td class="queue-strategy">${Kr(f.strategy)}</td>
                <td class="queue-capacity">${f.capacity?f.capacity+" per agent":"The agents' own"}</td>
                <td class="queue-hours">${f.business_hours?Qr(f.business_hours):"Always open"}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>l(f)} aria-label=${"Edit "+f.name}>Edit</button>
                  ${!f.default&&o`<button type="button" class="button small danger-ghost" onClick=${()=>c(f)} aria-label=${"Delete "+f.name}>Delete</button>`}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}
    ${e!==null&&o`<${tl} queues=${e} inboxes=${i} />`}`}function Qr(e){return`${e.weekly.map((a,n)=>a?.length?`${qn[n].slice(0,3)} ${a.map(i=>`${i.start}–${i.end}`).join(", ")}`:null).filter(Boolean).join("; ")||"Closed every day"} (${e.time_zone})${e.holidays?.length?`, ${e.holidays.length} holiday${e.holidays.length>1?"s":""}`:""}`}function Yr(e){let t=[];for(let a of e.split(",").map(n=>n.trim()).filter(Boolean)){let n=/^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(a);if(!n)return null;t.push({start:n[1].padStart(5,"0"),end:n[2].padStart(5,"0")})}return t}var Gr=(()=>{try{return Intl.supportedValuesOf("timeZone")}catch{return[]}})(),Jr=(()=>{try{return Intl.DateTimeFormat().resolvedOptions().timeZone}catch{return"UTC"}})();function Zr({queue:e,teams:t,onDone:a}){let[n,i]=h(e),[s,r]=h({name:e?.name||"",team_id:e?.team_id||"",strategy:e?.strategy||"round_robin",capacity:String(e?.capacity||0)}),l=e?.business_hours,[u,m]=h(!!l),[c,f]=h(l?.time_zone||Jr),[d,p]=h(l?l.weekly.map(N=>(N||[]).map(z=>`${z.start}-${z.end}`).join(", ")):["","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00",""]),[g,$]=h((l?.holidays||[]).join(", ")),[y,b]=h(null),[w,T]=h(!1),I=N=>z=>r({...s,[N]:z.currentTarget.value});async function x(N){N.preventDefault();let z=d.map(Yr),ue=z.findIndex(F=>F===null);if(u&&ue>=0){b({message:`${qn[ue]}: write the opening hours as 09:00-17:30, several separated by commas, or leave it empty when closed.`});return}T(!0),b(null);try{let F={name:s.name,team_id:s.team_id,strategy:s.strategy,capacity:Number(s.capacity)||0},ae=n?await v.updateQueue(n.id,F):await v.createQueue(F);i(ae),u?ae=await v.setBusinessHours(ae.id,{time_zone:c.trim(),weekly:z,holidays:g.split(/[\s,]+/).filter(Boolean)}):n?.business_hours&&await v.deleteBusinessHours(ae.id),C(e?`${s.name} is saved.`:`${s.name} is created.`,"success"),a()}catch(F){b(F)}finally{T(!1)}}let R=e?`Edit queue ${e.name}`:"New queue";return o`
    <form class="card form-grid" onSubmit=${x} aria-label=${R}>
      <${W} error=${y} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${s.name} onInput=${I("name")} placeholder="Support" /></label>
      <label class="field"><span>Team</span>
        <select name="team_id" value=${s.team_id} onChange=${I("team_id")} aria-describedby="q-team-help">
          <option value="">Every agent of the workspace</option>
          ${t.map(N=>o`<option value=${N.id}>${N.name}</option>`)}
        </select>
        <small id="q-team-help" class="muted">Whose members take this queue's conversations.</small></label>
      <label class="field"><span>Strategy</span>
        <select name="strategy" value=${s.strategy} onChange=${I("strategy")}>
          ${Ls.map(([N,z])=>o`<option value=${N}>${z}</option>`)}
          ${s.strategy==="external"&&o`<option value="external">External service — your routing service decides</option>`}
        </select></label>
      <label class="field"><span>Capacity per agent</span>
        <input type="number" name="capacity" min="0" max="1000" step="1" value=${s.capacity} onInput=${I("capacity")} aria-describedby="q-cap-help" />
        <small id="q-cap-help" class="muted">How many of this queue's conversations an agent may hold at once; 0 keeps each agent's own capacity.</small></label>
      <fieldset class="field queue-hours-edit">
        <legend>Business hours</legend>
        <label class="check"><input type="checkbox" name="hours" checked=${u} onChange=${N=>m(N.currentTarget.checked)} /> Open only at set hours</label>
        ${u?o`
          <label class="field"><span>Time zone</span><input required name="time_zone" list="q-zones" maxlength="64" value=${c}
            onInput=${N=>f(N.currentTarget.value)} aria-describedby="q-zone-help" />
            <small id="q-zone-help" class="muted">The hours are wall-clock times of this zone, e.g. Europe/Berlin, so 09:00 stays 09:00 across daylight-saving changes.</small></label>
          <datalist id="q-zones">${Gr.map(N=>o`<option value=${N} />`)}</datalist>
          <div class="hours-week">
            ${qn.map((N,z)=>o`
              <label class="field" key=${N}><span>${N}</span><input name=${"day-"+z} value=${d[z]} placeholder="Closed"
                onInput=${ue=>{let F=[...d];F[z]=ue.currentTarget.value,p(F)}} aria-describedby="q-day-help" /></label>`)}
          </div>
          <small id="q-day-help" class="muted">Opening hours as 09:00-17:30; several separated by commas (09:00-12:00, 13:00-17:00); empty when closed.</small>
          <label class="field"><span>Holidays</span><input name="holidays" value=${g} onInput=${N=>$(N.currentTarget.value)}
            placeholder="2026-12-25, 2026-12-26" aria-describedby="q-hol-help" />
            <small id="q-hol-help" class="muted">Closed days, YYYY-MM-DD, separated by commas.</small></label>`:o`<small class="muted">Always open.</small>`}
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${w||!s.name.trim()}>${e?"Save queue":"Create queue"}</button>
        <button type="button" class="button ghost" onClick=${a}>Cancel</button></div>
    </form>`}var Xr=1,zn=e=>({key:Xr++,queue_id:e.queue_id||"",inbox_id:e.inbox_id||"",verified:e.verified===!0?"true":e.verified===!1?"false":"",attributes:Object.entries(e.attributes||{}).map(([t,a])=>`${t}=${a}`).join(", "),page_url_prefix:e.page_url_prefix||""});function el(e){let t={};for(let a of e.split(",").map(n=>n.trim()).filter(Boolean)){let n=a.indexOf("=");if(n<=0)return null;t[a.slice(0,n).trim()]=a.slice(n+1).trim()}return t}function tl({queues:e,inboxes:t}){let[a,n]=h(null),[i,s]=h(null),[r,l]=h(!1),[u,m]=h(!1);_(()=>{v.routingRules().then(y=>n(y.map(zn))).catch(y=>{k(y,"Could not load the routing rules"),n([])})},[]);let c=y=>{n(y),m(!0)},f=(y,b)=>w=>{let T=[...a];T[y]={...T[y],[b]:w.currentTarget.value},c(T)};function d(y,b,w){let T=[...a];[T[y],T[y+b]]=[T[y+b],T[y]],c(T),setTimeout(()=>{let I=document.querySelector(`[data-rule="${y+b}"]`);(I?.querySelector(`.${w}:not(:disabled)`)||I?.querySelector(".move-up:not(:disabled), .move-down:not(:disabled)"))?.focus()},0)}function p(y){c(a.filter((b,w)=>w!==y)),setTimeout(()=>document.querySelector(`[data-rule="${Math.min(y,a.length-2)}"] select`)?.focus()||document.querySelector(".rules-add")?.focus(),0)}function g(){c([...a,zn({queue_id:e.find(y=>!y.default)?.id||e[0]?.id})]),setTimeout(()=>document.querySelector(`[data-rule="${a.length}"] select`)?.focus(),0)}async function $(y){y.preventDefault();let b=[];for(let[w,T]of a.entries()){let I=el(T.attributes);if(I===null){s({message:`Rule ${w+1}: write the contact attributes as name=value, several separated by commas.`});return}b.push({queue_id:T.queue_id,inbox_id:T.inbox_id||void 0,verified:T.verified===""?void 0:T.verified==="true",attributes:Object.keys(I).length?I:void 0,page_url_prefix:T.page_url_prefix.trim()||void 0})}l(!0),s(null);try{let w=await v.setRoutingRules(b);n(w.rules.map(zn)),m(!1),C("The routing rules are saved.","success")}catch(w){s(w)}finally{l(!1)}}return o`
    <section class="card rules" aria-labelledby="rules-title">
      <div class="card-head"><div>
        <h2 id="rules-title">Routing rules</h2>
        <p class="muted">When a visitor's first message makes a conversation wait, the first rule whose conditions all hold puts it in that rule's queue; when none does, it goes to its inbox's queue. Empty conditions hold always.</p>
      </div></div>
      ${a===null?o`<div class="spinner" role="status" aria-label="Loading the routing rules"></div>`:o`
        <form onSubmit=${$} aria-label="Routing rules">
          <${W} error=${i} />
          ${!a.length&&o`<p class="muted">No rules: every conversation goes to its inbox's queue.</p>`}
          <ol class="rule-list">
            ${a.map((y,b)=>o`
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
                    <button type="button" class="button small ghost move-down" disabled=${b===a.length-1} onClick=${()=>d(b,1,"move-down")}
                      aria-label=${`Move down rule ${b+1}`}>Move down</button>
                    <button type="button" class="button small danger-ghost" onClick=${()=>p(b)} aria-label=${`Remove rule ${b+1}`}>Remove</button>
                  </div>
                </fieldset>
              </li>`)}
          </ol>
          <small id="rules-attr-help" class="muted">Contact attributes: name=value, several separated by commas; each must equal the contact's attribute, as text.</small>
          <div class="form-actions rules-actions">
            <button type="button" class="button rules-add" onClick=${g} disabled=${!e.length}>Add rule</button>
            <button type="submit" class="button primary" disabled=${r||!u}>Save rules</button>
          </div>
        </form>`}
    </section>`}var al={agents:vs,inboxes:ws,tokens:ks,audit:Cs,"sign-in":Ss,branding:Ts,context:As,webhooks:Is,apps:Ns,teams:Ms,queues:Os};function Us({page:e,id:t}){let a=al[e],n=ke.value==="admin"||e==="audit"&&ke.value==="supervisor";return o`
    <main class="pane-admin" id="main" tabindex="-1">
      ${a?n?o`<${a} id=${t} />`:o`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:o`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function q({title:e,sub:t,children:a}){return o`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&o`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${a}</div>
    </header>`}function W({error:e}){return e?o`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&o`<ul>${e.fields.map(t=>o`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}var nl=/^[A-Za-z][A-Za-z0-9_]{0,63}$/,Ws=e=>typeof e=="string"?e:JSON.stringify(e);function Fs({contact:e,onDone:t}){let[a,n]=h({name:e.name||"",email:e.email||"",phone:e.phone||""}),[i,s]=h(Object.entries(e.attributes||{}).map(([p,g])=>({k:p,v:Ws(g),orig:g}))),[r,l]=h(null),[u,m]=h(!1),c=p=>g=>n({...a,[p]:g.currentTarget.value}),f=(p,g)=>$=>s(i.map((y,b)=>b===p?{...y,[g]:$.currentTarget.value}:y));async function d(p){p.preventDefault();let g={};for(let $ of i){let y=$.k.trim();if(y){if(!nl.test(y)){l({message:`“${y}” is not a valid attribute name: a letter, then letters, digits or _.`});return}g[y]=$.orig!==void 0&&typeof $.orig!="string"&&$.v===Ws($.orig)?$.orig:$.v}}m(!0);try{let $=await Re(`/api/v1/contacts/${encodeURIComponent(e.id)}`,{...a,attributes:g});le.value={...le.value,[$.id]:$},C("Contact saved.","success"),t()}catch($){l($)}finally{m(!1)}}return o`
    <form class="contact-edit" onSubmit=${d} aria-label="Edit contact">
      <${W} error=${r} />
      <label class="field"><span>Name</span><input id="contact-edit-name" maxlength="200" value=${a.name} onInput=${c("name")} /></label>
      <label class="field"><span>Email</span><input type="email" id="contact-edit-email" value=${a.email} onInput=${c("email")} /></label>
      <label class="field"><span>Phone</span><input type="tel" id="contact-edit-phone" maxlength="256" value=${a.phone} onInput=${c("phone")} /></label>
      <fieldset class="field">
        <legend>Attributes</legend>
        ${i.map((p,g)=>o`
          <div class="attr-row" key=${g}>
            <input aria-label=${"Attribute "+(g+1)+" name"} class="attr-key" value=${p.k} onInput=${f(g,"k")} placeholder="name" />
            <input aria-label=${"Attribute "+(g+1)+" value"} class="attr-value" value=${p.v} onInput=${f(g,"v")} placeholder="value" />
            <button type="button" class="icon-button" aria-label=${"Remove attribute "+(p.k||g+1)}
              onClick=${()=>s(i.filter(($,y)=>y!==g))}>×</button>
          </div>`)}
        <button type="button" class="button small ghost" id="contact-add-attr" onClick=${()=>s([...i,{k:"",v:""}])}>Add attribute</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button primary small" disabled=${u}>Save</button>
        <button type="button" class="button ghost small" onClick=${t}>Cancel</button>
      </div>
    </form>`}function js({contactId:e}){let t=`/api/v1/contacts/${encodeURIComponent(e)}/notes`,[a,n]=h(null),[i,s]=h(""),[r,l]=h(!1);_(()=>{let c=!0;return n(null),A(t).then(f=>c&&n(f.items),()=>c&&n([])),()=>{c=!1}},[e]);async function u(c){if(c.preventDefault(),!!i.trim()){l(!0);try{let f=await D(t,{body:i});n([f,...a||[]]),s("")}catch(f){k(f,"Could not save the note")}finally{l(!1)}}}async function m(c){if(confirm("Delete this note?"))try{await $e(`${t}/${encodeURIComponent(c.id)}`),n(a.filter(f=>f.id!==c.id))}catch(f){k(f,"Could not delete the note")}}return o`
    <section class="panel-section" aria-labelledby="contact-notes">
      <h3 id="contact-notes">Notes <span class="muted small">· only your team sees them</span></h3>
      <form class="note-form" onSubmit=${u}>
        <label class="sr-only" for="contact-note-text">New note on this contact</label>
        <textarea id="contact-note-text" rows="2" maxlength="4000" placeholder="Add a note about this contact…"
          value=${i} onInput=${c=>s(c.currentTarget.value)}></textarea>
        <button type="submit" class="button small" disabled=${r||!i.trim()}>Add note</button>
      </form>
      ${a===null?o`<div class="spinner small" role="status" aria-label="Loading notes"></div>`:a.length>0&&o`<ul class="contact-notes">
            ${a.map(c=>o`<li key=${c.id} class="contact-note" data-note=${c.id}>
              <p class="contact-note-body">${c.body}</p>
              <div class="muted small">${c.author_name} · <time datetime=${c.created_at} title=${J(c.created_at)}>${L(c.created_at)}</time>
                <button type="button" class="link-button" aria-label=${"Delete note by "+c.author_name} onClick=${()=>m(c)}>Delete</button></div>
            </li>`)}
          </ul>`}
    </section>`}function ol(e){return String(e).split(/(?=\.)|(?<=@)/).flatMap((t,a)=>a?[o`<wbr />`,t]:[t])}var Hs={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function Ra({conv:e}){let t=e.contact_id,[a,n]=h(null),[i,s]=h(!1);_(()=>{s(!1),ge(t);let f=!0;return v.conversations({contact_id:t}).then(d=>{if(f){for(let p of d)p.status!=="open"&&Se(p);n(d)}}).catch(()=>f&&n([])),()=>{f=!1}},[t]);let r=le.value[t],l=ie(t),u=r&&!r.missing?Object.entries(r.attributes||{}).filter(([f])=>f!=="unverified_email"):[],m=r&&!r.missing?[["Email",r.email],["Email (unverified)",r.attributes?.unverified_email],["Phone",r.phone],["External ID",r.external_id],["First seen",r.created_at&&L(r.created_at)]].filter(([,f])=>f):[],c=(a||[]).filter(f=>f.id!==e.id&&f.status!=="open");return o`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${Ae} id=${t} name=${l} size="lg" />
        <h2 id="contact-title">${l}</h2>
        ${r&&!r.missing&&(r.verified?o`<span class="verified" title="Identified by your website's back-end"><${xa} size=${14} /> Verified</span>`:o`<span class="unverified">Guest · not verified</span>`)}
        ${r&&!r.missing&&!i&&o`<button type="button" class="button small ghost" id="contact-edit" onClick=${()=>s(!0)}>Edit contact</button>`}
      </div>
      ${i&&r&&!r.missing&&o`<section class="panel-section"><${Fs} contact=${r} onDone=${()=>s(!1)} /></section>`}
      ${!r&&o`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${r?.missing&&o`<p class="muted small center">Contact details are not available.</p>`}
      ${!i&&m.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${m.map(([f,d])=>o`<dt>${f}</dt><dd>${f.startsWith("Email")?ol(d):d}</dd>`)}</dl>
        </section>`}
      ${!i&&u.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${u.map(([f,d])=>o`<dt>${f}</dt><dd>${typeof d=="object"?JSON.stringify(d):String(d)}</dd>`)}</dl>
        </section>`}
      ${r&&!r.missing&&o`<${js} contactId=${t} />`}
      <${gs} conv=${e} />
      <${bs} conv=${e} />
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${a===null?o`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:c.length===0?o`<p class="muted small">None — this is the first.</p>`:o`<ul class="mini-list">
              ${c.map(f=>o`<li key=${f.id}>
                <a href=${te(Hs[f.status],f.id)} onClick=${d=>{d.preventDefault(),H(te(Hs[f.status],f.id))}}>
                  <span class=${"status status-"+f.status}>${f.status}</span>
                  <span class="muted small">${be(f.inbox_id)} · ${L(f.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function Bs({list:e,conversation:t}){_(()=>{Ko(e)},[e,Ce.value,qe.value]),_(()=>{t?fa(t):we.value=""},[t]);let a=at.value[e]||[],n=oa.value&&e!=="resolved"||!Vo(e),i=t?K.value[t]:null;return o`
    <${cs} list=${e} items=${a} loading=${n} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?i?o`<${Ia} key=${t} conv=${i} list=${e} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`
          <div class="empty">
            <div class="empty-icon"><${ot} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${i&&o`<${Ra} key=${i.contact_id} conv=${i} />`}`}function Vs({q:e=""}){let[t,a]=h(e);return _(()=>a(e),[e]),o`
    <form role="search" class="nav-search" onSubmit=${n=>{n.preventDefault();let i=t.trim();i&&H(Tn(i))}}>
      <label for="search-input" class="sr-only">Search messages</label>
      <input id="search-input" type="search" class="input small" placeholder="Search messages" value=${t}
        maxlength="500" onInput=${n=>a(n.currentTarget.value)} />
    </form>`}function Ks({q:e,conversation:t,seq:a}){let[n,i]=h({items:null,cursor:"",loading:!1});_(()=>{let u=!0;return i({items:null,cursor:"",loading:!0}),v.search(e).then(m=>u&&i({items:m.items||[],cursor:m.next_cursor||"",loading:!1}),m=>{u&&(i({items:[],cursor:"",loading:!1}),k(m,"Could not search"))}),()=>{u=!1}},[e]),_(()=>{t?fa(t,a):we.value=""},[t,a]);let s=async()=>{i(u=>({...u,loading:!0}));try{let u=await v.search(e,n.cursor);i(m=>({items:[...m.items,...u.items||[]],cursor:u.next_cursor||"",loading:!1}))}catch(u){i(m=>({...m,loading:!1})),k(u,"Could not search")}},r=n.items||[],l=t?K.value[t]:null;return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">Search</h1>
        <span class="muted small" aria-live="polite">${n.items===null?"Searching…":`${r.length}${n.cursor?"+":""} result${r.length===1&&!n.cursor?"":"s"}`}</span>
      </header>
      ${n.items!==null&&!r.length?o`
        <div class="empty small-empty">
          <h2>Nothing found</h2>
          <p class="muted">No message holds every word of “${e}”.</p>
        </div>`:o`
        <ul class="conv-list search-results" aria-label=${"Messages found for "+e}>
          ${r.map(u=>o`<${sl} key=${u.message.id} h=${u} q=${e} selected=${t===u.conversation_id&&a===u.message.seq} />`)}
          ${n.cursor&&o`
            <li class="conv-more"><button type="button" class="button ghost small block" disabled=${n.loading} onClick=${s}>
              ${n.loading?"Loading…":"More results"}</button></li>`}
        </ul>`}
    </section>
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?l?o`<${Ia} key=${t} conv=${l} list="search" target=${a} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`<div class="empty"><h2>Pick a result</h2><p class="muted">It opens its conversation at that message.</p></div>`}
    </main>
    ${l&&o`<${Ra} key=${l.contact_id} conv=${l} />`}`}function sl({h:e,q:t,selected:a}){let n=e.message,i=K.value[e.conversation_id];i&&ge(i.contact_id);let s=n.sender?.type==="contact"?i?ie(i.contact_id):"Visitor":n.sender?.display_name||"Agent",r=Tn(t,e.conversation_id,n.seq);return o`
    <li>
      <a href=${r} class=${"conv-item search-hit"+(a?" selected":"")} aria-current=${a?"true":void 0}
        data-conversation=${e.conversation_id} data-seq=${n.seq}
        onClick=${l=>{!l.metaKey&&!l.ctrlKey&&(l.preventDefault(),H(r))}}>
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${n.kind==="note"&&o`<${vt} size=${12} /> `}${s}</span>
            <time class="conv-time" datetime=${n.created_at}>${L(n.created_at)}</time>
          </span>
          <span class="search-snippet">${(e.snippet||[]).map(l=>l.match?o`<mark>${l.text}</mark>`:l.text)}</span>
        </span>
      </a>
    </li>`}var il="Hi! Can I help you with anything?";function rl(e,t){let a=Math.max(0,Math.floor((t-Date.parse(e))/6e4));return a<1?"< 1 min":a<60?`${a} min`:`${Math.floor(a/60)} h ${a%60} min`}function Qs(){let[e,t]=h(null),[a,n]=h([]),[i,s]=h(""),r=U(0),l=Be(15e3),u=async()=>{try{let[d,p]=await Promise.all([A("/api/v1/visitors/online",{limit:200}),A("/api/v1/visitors/recent",{limit:50})]);t(Object.fromEntries(d.items.map(g=>[g.contact_id,g]))),n(p.items)}catch(d){k(d)}},m=()=>{clearTimeout(r.current),r.current=setTimeout(u,300)};_(()=>{let d=()=>xe({type:"subscribe_visitors"}).then(u,()=>{});d();let p=Ue(g=>{if(g.type==="ready"&&d(),g.type!=="visitor")return;let $=g.visitor;t(y=>{let b={...y||{}};return g.event==="offline"?delete b[$.contact_id]:b[$.contact_id]?b[$.contact_id]={...b[$.contact_id],...$}:m(),b}),g.event==="offline"&&m()});return()=>{p(),clearTimeout(r.current),xe({type:"unsubscribe_visitors"}).catch(()=>{})}},[]);let c=Object.values(e||{}).sort((d,p)=>Date.parse(d.since)-Date.parse(p.since)),f=vn("conversations:write")||vn("all");return o`
    <main class="pane-admin visitors-page" id="main" tabindex="-1">
      <${q} title="Visitors" sub="People on your site now, live, and the contacts seen recently." />
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
                  <td title=${J(d.since)}>${rl(d.since,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                  <td><span class=${"tag"+(d.returning?"":" tag-muted")}>${d.returning?"Returning":"New"}</span></td>
                  <td>${f&&(i===d.contact_id?o`<${ll} visitor=${d} onDone=${()=>s("")} />`:o`<button type="button" class="button small" onClick=${()=>s(d.contact_id)}
                        aria-label=${"Invite "+(d.name||"this guest")+" to chat"}>Invite</button>`)}</td>
                </tr>`)}
            </tbody>
          </table></div>`:o`<p class="muted" role="status">Nobody is on the site right now.</p>`}
      </section>
      <section class="card" aria-labelledby="visitors-recent">
        <h2 id="visitors-recent">Seen recently</h2>
        ${a.length?o`
          <div class="table-wrap"><table class="table" aria-labelledby="visitors-recent">
            <thead><tr><th scope="col">Contact</th><th scope="col">Last seen</th><th scope="col">Identity</th></tr></thead>
            <tbody>
              ${a.map(d=>o`
                <tr key=${d.id} data-recent=${d.id}>
                  <td class="strong">${d.name||"Guest"}${d.email&&o`<div class="muted small">${d.email}</div>`}</td>
                  <td title=${J(d.last_seen_at)}>${d.online?"On the site now":L(d.last_seen_at,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                </tr>`)}
            </tbody>
          </table></div>`:o`<p class="muted">No visit has ended yet.</p>`}
      </section>
    </main>`}function ll({visitor:e,onDone:t}){let[a,n]=h(il),[i,s]=h(!1),r=U(null);_(()=>{r.current?.focus(),r.current?.select()},[]);let l=async m=>{m.preventDefault(),s(!0);try{await D(`/api/v1/visitors/${encodeURIComponent(e.contact_id)}/invitations`,{message:a}),C(`Invitation sent to ${e.name||"the guest"}.`,"success"),t()}catch(c){k(c)}finally{s(!1)}},u="invite-"+e.contact_id;return o`
    <form class="invite-form" onSubmit=${l} onKeyDown=${m=>{m.key==="Escape"&&t()}}>
      <label for=${u} class="sr-only">Invitation message</label>
      <textarea id=${u} ref=${r} rows="2" maxlength="1000" required value=${a} onInput=${m=>n(m.target.value)}></textarea>
      <div class="form-actions">
        <button type="submit" class="button small primary" disabled=${i||!a.trim()}>Send invitation</button>
        <button type="button" class="button small ghost" onClick=${t}>Cancel</button>
      </div>
    </form>`}var Mn=e=>e.toISOString().slice(0,10),Ys={workspace:"Whole workspace",agent:"Agent",inbox:"Inbox",label:"Label"};function Pa(e){return e?e<60?`${Math.round(e)} s`:e<3600?`${Math.round(e/60)} min`:e<86400?`${(e/3600).toFixed(1)} h`:`${(e/86400).toFixed(1)} d`:"—"}function Gs(){let e=new Date,[t,a]=h({from:Mn(new Date(e.getTime()-6*864e5)),to:Mn(e),group_by:"workspace"}),[n,i]=h(null),[s,r]=h(null),[l,u]=h({});_(()=>{v.labels().then(d=>u(Object.fromEntries(d.items.map(p=>[p.id,p.name]))),()=>{})},[]),_(()=>{let d=!0;r(null);let p=Mn(new Date(Date.parse(t.to)+864e5));return A("/api/v1/reports/conversations",{from:t.from,to:p,group_by:t.group_by}).then(g=>d&&i(g),g=>d&&(i(null),r(g))),()=>{d=!1}},[t.from,t.to,t.group_by]);let m=d=>p=>a({...t,[d]:p.currentTarget.value}),c=d=>t.group_by==="workspace"?"All conversations":d?t.group_by==="agent"?He(d):t.group_by==="inbox"?be(d):l[d]||d:"Nobody",f=Math.max(1,...(n?.rows||[]).map(d=>d.conversations));return o`
    <main class="pane-admin" id="main" tabindex="-1">
      <${q} title="Reports" sub="Conversations started in the range, how fast they were answered and resolved, and what visitors thought." />
      <form class="report-filters field-row" onSubmit=${d=>d.preventDefault()}>
        <label class="field"><span>From</span><input type="date" id="report-from" value=${t.from} max=${t.to} onChange=${m("from")} /></label>
        <label class="field"><span>To</span><input type="date" id="report-to" value=${t.to} min=${t.from} onChange=${m("to")} /></label>
        <label class="field"><span>Split by</span>
          <select id="report-group" value=${t.group_by} onChange=${m("group_by")}>
            ${Object.entries(Ys).map(([d,p])=>o`<option value=${d}>${p}</option>`)}
          </select></label>
      </form>
      ${s&&o`<div class="form-error" role="alert">${s.message}</div>`}
      ${!n&&!s?o`<div class="spinner" role="status" aria-label="Loading the report"></div>`:n&&o`
        <div class="table-wrap">
          <table class="table report-table" aria-label="Report">
            <thead><tr>
              <th scope="col">${Ys[t.group_by]}</th><th scope="col">Conversations</th><th scope="col">Resolved</th>
              <th scope="col">First response (median · p90)</th><th scope="col">Resolution (median · p90)</th>
              <th scope="col">CSAT</th><th scope="col">Rated</th>
            </tr></thead>
            <tbody>
              ${n.rows.map(d=>o`
                <tr key=${d.key} data-key=${d.key}>
                  <th scope="row">${c(d.key)}</th>
                  <td class="report-count"><span class="report-bar" aria-hidden="true" style=${`width:${Math.round(d.conversations/f*60)}px`}></span>${d.conversations}</td>
                  <td>${d.resolved}</td>
                  <td>${Pa(d.first_response.median_seconds)} · ${Pa(d.first_response.p90_seconds)}</td>
                  <td>${Pa(d.resolution.median_seconds)} · ${Pa(d.resolution.p90_seconds)}</td>
                  <td class="report-csat">${d.csat_responses?`${d.csat_average.toFixed(1)} / 5`:"—"}</td>
                  <td>${d.csat_responses?`${d.csat_responses} (${Math.round(d.csat_response_rate*100)} %)`:"0"}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`}
    </main>`}var Js="parley.console.alertAfter",cl=[30,60,120,300,600,1800],dl=1e4,pl=1e3;function Ln(e){if(e=Math.max(0,Math.floor(e)),e<60)return`${e} s`;let t=Math.floor(e/60);return t<60?`${t} min ${String(e%60).padStart(2,"0")} s`:`${Math.floor(t/60)} h ${String(t%60).padStart(2,"0")} min`}var za=e=>e<60?`${e} s`:`${e/60} min`,ul={online:"Online",away:"Away",offline:"Offline"};function Zs(){let[e,t]=h(()=>Number(localStorage.getItem(Js))||120),[a,n]=h(null),[i,s]=h(null),r=Be(1e3),l=U(0),u=U(0),m=U(0),c=U(e);c.current=e;let f=async()=>{let b=++l.current;u.current=Date.now();try{let w=await A("/api/v1/supervisor/overview",{alert_after:c.current});b===l.current&&(n({overview:w,at:Date.now()}),s(null))}catch(w){b===l.current&&s(w)}},d=()=>{m.current||(m.current=setTimeout(()=>{m.current=0,f()},Math.max(0,pl-(Date.now()-u.current))))};_(()=>{let b=Ue(T=>{["conversation","event","message","ready"].includes(T.type)&&d()}),w=setInterval(f,dl);return()=>{b(),clearInterval(w),clearTimeout(m.current),m.current=0}},[]),_(()=>{f()},[e]);let p=a?.overview,g=a?Math.max(0,(r-a.at)/1e3):0,$=b=>p?.queues.find(w=>w.id===b)?.name||"Queue",y=b=>w=>{w.metaKey||w.ctrlKey||(w.preventDefault(),H(te("queue",b)))};return o`
    <main class="pane-admin supervisor-page" id="main" tabindex="-1">
      <${q} title="Supervisor" sub="Queues and agents now, live. Conversations waiting too long are flagged.">
        <label class="field field-inline"><span>Alert after</span>
          <select id="alert-after" aria-label="Alert after" value=${e} onChange=${b=>{let w=Number(b.currentTarget.value);localStorage.setItem(Js,String(w)),t(w)}}>
            ${cl.map(b=>o`<option value=${b}>${za(b)}</option>`)}
          </select></label>
      <//>
      ${i&&o`<div class="form-error" role="alert">${i.message}</div>`}
      ${p?o`
        <section class=${"card sup-alerts"+(p.alerts_total?" sup-alerts-on":"")} aria-labelledby="sup-alerts">
          <h2 id="sup-alerts">Waiting longer than ${za(p.alert_after_seconds)}
            <span class=${"badge "+(p.alerts_total?"badge-danger":"badge-quiet")} data-alerts=${p.alerts_total}>${p.alerts_total}</span></h2>
          <p class="sr-only" role="status" aria-live="polite">${p.alerts_total===1?"1 conversation is":`${p.alerts_total} conversations are`} waiting longer than ${za(p.alert_after_seconds)}.</p>
          ${p.alerts.length?o`
            <div class="table-wrap"><table class="table" aria-labelledby="sup-alerts">
              <thead><tr><th scope="col">Visitor</th><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Priority</th></tr></thead>
              <tbody>
                ${p.alerts.map(b=>o`
                  <tr key=${b.conversation_id} data-alert=${b.conversation_id} class="sup-alert-row">
                    <th scope="row"><a href=${te("queue",b.conversation_id)} onClick=${y(b.conversation_id)}>${b.contact_name||"Guest"}</a></th>
                    <td>${$(b.queue_id)}</td>
                    <td class="sup-wait">${Ln(b.wait_seconds+g)}</td>
                    <td>${b.priority?Dn[b.priority]||b.priority:"—"}</td>
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
              ${p.queues.map(b=>o`
                <tr key=${b.id} data-queue=${b.id} class=${b.alerts?"sup-over":""}>
                  <th scope="row">${b.name}${b.default&&b.name.toLowerCase()!=="default"&&o` <span class="tag tag-muted">Default</span>`}</th>
                  <td data-col="waiting">${b.waiting}${b.alerts>0&&o` <span class="tag tag-bad">${b.alerts} over ${za(p.alert_after_seconds)}</span>`}</td>
                  <td data-col="longest" class="sup-wait">${b.waiting?Ln(b.longest_wait_seconds+g):"—"}</td>
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
              ${p.agents.map(b=>o`
                <tr key=${b.id} data-agent=${b.id}>
                  <th scope="row">${b.name}</th>
                  <td data-col="presence"><span class=${"presence-dot p-"+b.presence} aria-hidden="true"></span> ${ul[b.presence]||b.presence}</td>
                  <td data-col="open">${b.open_conversations}${b.open_offers>0&&o` <span class="muted small">+ ${b.open_offers} offered</span>`}</td>
                  <td data-col="capacity">${b.capacity||"No limit"}${b.at_capacity&&o` <span class="tag tag-bad">Full</span>`}</td>
                  <td data-col="reply">${b.seconds_since_last_reply==null?o`<span class="muted">—</span>`:`${Ln(b.seconds_since_last_reply+g)} ago`}</td>
                </tr>`)}
            </tbody>
          </table></div>
        </section>`:!i&&o`<div class="spinner" role="status" aria-label="Loading the live view"></div>`}
    </main>`}function On(){return o`
    <div class="toasts" role="status" aria-live="polite">
      ${ht.value.map(e=>o`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>xn(e.id)}><${$t} size=${16} /></button>
        </div>`)}
    </div>`}var ei=ee(()=>{let e=Object.values(de.value);return e.sort((t,a)=>t.offered_at<a.offered_at?-1:t.offered_at>a.offered_at?1:0),e[0]||null}),Un=new Set;function Ot(e){let t=ei.value;if(!t)return!1;let a=t.conversation_id;return Un.has(a)||(Un.add(a),Yo(a,e).then(n=>{e&&n?.status==="assigned"&&H(te("mine",a))}).finally(()=>Un.delete(a))),!0}var Xs=e=>Math.max(0,Math.ceil((e.deadline-Date.now())/1e3));function fl(e){let t=e?.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||!!e?.isContentEditable}function ti(){let e=ei.value,[,t]=h(0),a=U(null);_(()=>{if(!e)return;let u=setInterval(()=>{Xs(e)<=0&&zt(e.conversation_id),t(m=>m+1)},250);return()=>clearInterval(u)},[e?.id]),_(()=>{e&&a.current&&!fl(document.activeElement)&&a.current.focus()},[e?.id]);let n=e&&K.value[e.conversation_id],i=n?ie(n.contact_id):"A visitor",s=e&&ce.value[e.conversation_id],r=n?be(n.inbox_id):"",l=Object.keys(de.value).length-1;return o`
    <div class="sr-only" aria-live="assertive">${e?`Conversation offered to you: ${i}. Press a to accept, d to decline.`:""}</div>
    ${e&&o`
      <div class="offer-prompt" role="alertdialog" aria-labelledby="offer-title" aria-describedby="offer-desc" data-offer=${e.conversation_id} data-offer-id=${e.id}>
        <h2 id="offer-title">Conversation offered to you</h2>
        <div id="offer-desc">
          <p><span class="offer-visitor strong">${i}</span>${r&&o` <span class="muted">in ${r}</span>`}</p>
          ${s?.body&&o`<blockquote class="offer-message">${s.body.length>200?s.body.slice(0,200)+"…":s.body}</blockquote>`}
        </div>
        <p class="offer-countdown"><span class="offer-seconds">${Xs(e)}</span> s left to answer${l>0?` · ${l} more waiting`:""}</p>
        <div class="offer-actions">
          <button type="button" class="button primary" ref=${a} aria-keyshortcuts="a" onClick=${()=>Ot(!0)}>
            Accept <kbd aria-hidden="true">a</kbd></button>
          <button type="button" class="button" aria-keyshortcuts="d" onClick=${()=>Ot(!1)}>
            Decline <kbd aria-hidden="true">d</kbd></button>
        </div>
      </div>`}`}var Ve=E(!1),ml=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["l","Add a label"],["a","Accept the conversation offered to you"],["d","Decline the conversation offered to you"],["/","Insert a canned response (in the reply box)"],["1 – 4","Queue, Mine, All open, Resolved"],["5","Snoozed"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],qa=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function ai(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function ni(e){let t=nt.value;if(t.section!=="inbox")return;let a=at.value[t.list]||[];if(!a.length)return;let n=a.findIndex(i=>i.id===t.conversation);n=n<0?e>0?0:a.length-1:Math.min(a.length-1,Math.max(0,n+e)),H(te(t.list,a[n].id))}function oi(){_(()=>{let e=t=>{if(!X.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&ai(document.activeElement)){document.activeElement.blur();return}if(ai(t.target)||Ve.value)return;let a={1:"queue",2:"mine",3:"open",4:"resolved",5:"snoozed"};switch(t.key){case"j":ni(1);break;case"k":ni(-1);break;case"r":qa("reply");break;case"n":qa("note");break;case"l":{let n=document.getElementById("add-label");n&&(t.preventDefault(),n.focus());break}case"t":qa("take");break;case"a":if(!Ot(!0))return;break;case"d":if(!Ot(!1))return;break;case"e":qa("resolve");break;case"?":Ve.value=!0;break;default:if(a[t.key]){H(te(a[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function si(){let e=U(null);return _(()=>{let t=e.current;t&&(Ve.value&&!t.open&&t.showModal(),!Ve.value&&t.open&&t.close())},[Ve.value]),o`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{Ve.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${ml.map(([t,a])=>o`<tr><td><kbd>${t}</kbd></td><td>${a}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var hl=[["online","Online"],["away","Away"],["offline","Offline"]],st=E(""),ii="parley.console.presence";function ri(){ci(localStorage.getItem(ii)||"online",!0)}async function li(){try{await v.presence("offline")}catch{}st.value=""}async function ci(e,t){let a=st.value;st.value=e,t||localStorage.setItem(ii,e);try{let n=await v.presence(e);n?.status?st.value=n.status:n?.presence&&(st.value=n.presence)}catch(n){st.value=a,t||k(n,"Could not change your status")}}function di({onLogout:e}){let t=X.value?.agent||{},a=st.value||t.presence||"offline";return o`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${Ae} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+a} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence">
        <legend class="sr-only">Your status</legend>
        ${hl.map(([n,i])=>o`
          <label class=${"presence-option"+(a===n?" checked":"")}>
            <input type="radio" name="presence" value=${n} checked=${a===n}
              onChange=${()=>ci(n)} />
            <span class=${"presence-dot p-"+n} aria-hidden="true"></span>${i}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${We.value!=="granted"&&We.value!=="unsupported"?o`
          <button type="button" class="button ghost small" onClick=${async()=>{await zo(),We.value==="granted"?C("Notifications are on.","success"):We.value==="denied"&&C("Notifications are blocked in your browser settings.","error")}}><${ts} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${Nt.value} onChange=${n=>qo(n.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{Ve.value=!0}} aria-keyshortcuts="?">
            <${os} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${as} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var gl={queue:ga,mine:ba,open:ot,snoozed:_a,resolved:va};function pi(){if(_(()=>{Sn()},[]),_(()=>{X.value&&(Xo(),Qo(),ri())},[X.value?.agent?.id]),oi(),!bn.value)return o`<div class="splash" role="status" aria-live="polite"><${ka} /><span class="sr-only">Loading…</span></div>`;if(!X.value)return o`<${is} onLoggedIn=${async()=>{await Sn(),!nt.value.list&&nt.value.section!=="admin"&&H(te("queue"),{replace:!0})}} /><${On} />`;let e=nt.value;return o`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${bl} />
      ${e.section==="admin"?o`<${Us} page=${e.page} id=${e.id} />`:e.section==="visitors"?o`<${Qs} />`:e.section==="reports"?o`<${Gs} />`:e.section==="supervisor"?o`<${Zs} />`:e.section==="search"?o`<${Ks} q=${e.q} conversation=${e.conversation} seq=${e.seq} />`:o`<${Bs} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${ti} />
    <${si} />
    <${On} />`}function bl(){let e=nt.value,t=at.value,a={queue:t.queue.length,mine:t.mine.length,open:t.open.length,snoozed:null,resolved:null},n=t.mine.reduce((l,u)=>l+(se.value[u.id]||0),0),i=ke.value==="admin",s=i||ke.value==="supervisor",r=(l,u,m,c,f)=>o`
    <li><a href=${l} class=${"nav-link"+(c?" active":"")} aria-current=${c?"page":void 0}
      onClick=${d=>{!d.metaKey&&!d.ctrlKey&&(d.preventDefault(),H(l))}}>
      <${m} /><span class="nav-label">${u}</span>${f}</a></li>`;return o`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${Ca} /></div>
      <${vl} />
      <${Vs} q=${e.section==="search"?e.q:""} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","snoozed","resolved"].map(l=>r(te(l),Lt[l],gl[l],e.section==="inbox"&&e.list===l,o`${l==="mine"&&n>0?o`<span class="badge badge-accent" aria-label=${n+" unread"}>${n}</span>`:a[l]?o`<span class="count" aria-label=${a[l]+" conversations"}>${a[l]}</span>`:null}`))}
        ${r(`${M}/visitors`,"Visitors",$a,e.section==="visitors")}
      </ul>
      ${s&&o`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${i&&r(`${M}/admin/agents`,"Agents",$a,e.section==="admin"&&e.page==="agents")}
          ${i&&r(`${M}/admin/inboxes`,"Inboxes",In,e.section==="admin"&&e.page==="inboxes")}
          ${i&&r(`${M}/admin/teams`,"Teams",$a,e.section==="admin"&&e.page==="teams")}
          ${i&&r(`${M}/admin/queues`,"Queues",Mt,e.section==="admin"&&e.page==="queues")}
          ${i&&r(`${M}/admin/tokens`,"API tokens",An,e.section==="admin"&&e.page==="tokens")}
          ${i&&r(`${M}/admin/sign-in`,"Sign-in",An,e.section==="admin"&&e.page==="sign-in")}
          ${i&&r(`${M}/admin/branding`,"Branding",In,e.section==="admin"&&e.page==="branding")}
          ${i&&r(`${M}/admin/context`,"Customer data",Mt,e.section==="admin"&&e.page==="context")}
          ${i&&r(`${M}/admin/webhooks`,"Webhooks",ya,e.section==="admin"&&e.page==="webhooks")}
          ${i&&r(`${M}/admin/apps`,"Apps",xa,e.section==="admin"&&e.page==="apps")}
          ${r(`${M}/admin/audit`,"Audit log",Mt,e.section==="admin"&&e.page==="audit")}
          ${r(`${M}/supervisor`,"Supervisor",ot,e.section==="supervisor")}
          ${r(`${M}/reports`,"Reports",Mt,e.section==="reports")}
        </ul>`}
      <div class="nav-foot">
        <${di} onLogout=${async()=>{await li();let l=await A("/api/v1/auth/options").catch(()=>null);try{await To()}catch(u){k(u)}ss({endSessionURL:l?.oidc?.end_session_url||""}),da(),C("You are signed out.","info")}} />
      </div>
    </nav>`}function vl(){let e=Ze.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return o`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&o`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${Eo}><${wa} size=${14} /></button>`}
    </div>`}Co(()=>{X.value&&(da(),C("Your session has ended. Please sign in again.","error"))});Qa(o`<${pi} />`,document.getElementById("app"));

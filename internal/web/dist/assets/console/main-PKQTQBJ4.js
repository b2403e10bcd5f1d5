var D,ja,Hn,Le,Fn,Kt,Ha,Bt,Ba,Bn,jn,mi,Ct=Symbol.for("pv"),Yt={},Qt=[],hi=/^m(i|n|o|s|text|space)$/,Vn=Array.isArray,Kn=Qt.slice,Ke=Object.assign;function Ve(e){e&&e.parentNode&&e.remove()}function St(e,t,n){var a,i,s,r={},l=arguments.length;for(s in t)s=="key"?a=t[s]:s=="ref"&&typeof e!="function"?i=t[s]:r[s]=t[s];return l>2&&(r.children=l>3?Kn.call(arguments,2):n),kt(e,r,a,i,null)}function kt(e,t,n,a,i){var s={type:e,props:t,key:n,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Ct,__v:i||++ja,__i:-1,__u:0};return!i&&D.vnode&&D.vnode(s),s}function Qe(e){return e.children}function Ye(e,t){this.props=e,this.context=t,this.__g=0}function Oe(e,t){if(t==null)return e.__&&Oe(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:Oe(e)}function gi(e){var t,n=e.__v,a=n.__e,i=[],s=[],r=e.__P;r&&((t=Ke({constructor:Ct},n)).__v=n.__v+1,D.vnode&&D.vnode(t),Yn(r,t,n,e.__n,r.namespaceURI,32&n.__u?[a]:null,i,a||Oe(n),32&n.__u,s),t.__v=n.__v,t.__.__k[t.__i]=t,Ja(i,t,s),n.__=n.__e=null,t.__e!=a&&Va(t))}function Va(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),Va(e)}function Wa(e){(8&e.__g||(e.__g|=8,Le.push(e),Kt++))&&Fn==D.debounceRendering||((Fn=D.debounceRendering)||queueMicrotask)(Ka)}function Ka(){try{for(var e,t=1;Le.length;)Le.length>t&&Le.sort(Ha),e=Le.shift(),t=Le.length,8&e.__g&&gi(e)}finally{(Kt=Le.length)&&(Fn||queueMicrotask)(Ka)}}function Ya(e,t,n,a,i,s,r,l,p,m,c){var f,d,u,g,y,v,w=a.__k||Qt,k=t.length;for(p=bi(n,t,w,p,k),f=0;f<k;f++)(u=n.__k[f])!=null&&(d=~u.__i&&w[u.__i]||Yt,u.__i=f,v=Yn(e,u,d,i,s,r,l,p,m,c),g=u.__e,(d.ref!=u.ref||8&d.__u)&&(d.ref&&Qn(d.ref,null,u,d),u.ref&&c.push(u.ref,u.__c||g,u)),y=y||g,4&u.__u?(p=Qa(u,p,e,!d.__v),d.__e&&(d.__e=null)):typeof u.type=="function"&&v!==void 0?p=v:g&&(p=g.nextSibling),u.__u&=-21);return n.__e=y,p}function bi(e,t,n,a,i){var s,r,l,p,m,c,f,d,u,g=n.length,y=g,v=0,w=0,k=e.__k=Array(i);for(s=0;s<i;s++)(r=t[s])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=k[s]=kt(null,r):Vn(r)?r=k[s]=kt(Qe,{children:r}):r.constructor===Ct&&r.__b?r=k[s]=kt(r.type,r.props,r.key,r.ref,r.__v):k[s]=r,p=s+v,r.__=e,r.__b=e.__b+1,l=null,~(m=r.__i=vi(r,n,p,y))&&(y--,(l=n[m])&&(l.__u|=2)),l&&l.__v?(r.__u|=16,m==p-1?v--:m==p+1?v++:m!=p&&(m>p?v--:v++,w=1)):(~m||(i>g?v--:i<g&&v++),typeof r.type!="function"&&(r.__u|=4))):k[s]=null;if(w){for(c=[],f=[],s=0;s<i;s++)if((r=k[s])&&16&r.__u){for(v=0,d=c.length;v<d;)c[u=v+d>>1]<r.__i?v=u+1:d=u;c[v]=r.__i,f[s]=v+1}for(v=c.length;s--;)f[s]&&(f[s]==v?v--:k[s].__u|=4)}if(y)for(s=0;s<g;s++)!(l=n[s])||2&l.__u||(l.__e==a&&(a=Oe(l)),Gn(l,l));return a}function Qa(e,t,n,a){var i,s,r,l;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(s=0;s<i.length;s++)i[s]&&(i[s].__=e,t=Qa(i[s],t,n,!1));return t}for(t&&!t.parentNode&&(t=Oe(e))&&!t.parentNode&&(t=null),r=e.__e,l=t;l&&l.nodeType==8;)l=l.nextSibling;for(r!=l&&(!a&&n.moveBefore&&r.parentNode?n.moveBefore(r,t):n.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function vi(e,t,n,a){var i,s=e.key,r=e.type,l=t[n],p=l&&!(2&l.__u);if(l===null&&s==null||p&&s==l.key&&r==l.type)return n;if(a>(p?1:0)){for(i=n-1;i>=0;i--)if((l=t[i])&&!(2&l.__u)&&s==l.key&&r==l.type)return i;for(i=n+1;i<t.length;i++)if((l=t[i])&&!(2&l.__u)&&s==l.key&&r==l.type)return i}return-1}function Fa(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function Ht(e,t,n,a,i){var s,r;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof a=="string"&&(e.style.cssText=a=""),a)for(t in a)n&&t in n||Fa(e.style,t);if(n)for(t in n)a&&n[t]==a[t]||Fa(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof a!="function"&&(a=null),(e.__e||(e.__e={}))[t]=n,n&&a||(r=jn[t]||(jn[t]=yi(t)),(e.__a||(e.__a={}))[t]=Bn,s=t!=(t=t.replace(Ba,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,r,s):e.removeEventListener(t,r,s));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function yi(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[Bt]==null)t[Bt]=Bn++;else if(t[Bt]<this.__a[e])return;return n(D.event?D.event(t):t)}}}function Yn(e,t,n,a,i,s,r,l,p,m){var c,f,d,u,g,y,v,w,k,T,E,$,R,te,V,Ne,ae,q,L=t.type;if(t.constructor!==Ct)return null;128&n.__u&&(p=32&n.__u,c=n.__c.__z)&&(t.__u|=p,f=s=[],c.nodeType==8?l=Vt(c,s):s.push(c),l=s[0]||l),(c=D.__b)&&c(t);e:if(typeof L=="function"){d=r.length;try{if(w=t.props,k=(c=L.prototype)&&c.render,T=(c=L.contextType)&&a[c.__c],E=c?T?T.props.value:c.__:a,(u=n.__c)?(t.__c=u,2&u.__g&&(u.__g|=1)):(k?t.__c=u=new L(w,E):(t.__c=u=new Ye(w,E),u.constructor=L,u.render=xi),T&&T.sub(u),u.state||(u.state={}),u.__n=a,u.__g|=8,u.__h=[],u.__k=[]),k&&(u.__s||(u.__s=u.state),L.getDerivedStateFromProps&&(u.__s==u.state&&(u.__s=Ke({},u.__s)),Ke(u.__s,L.getDerivedStateFromProps(w,u.__s)))),g=u.props,y=u.state,u.__v=t,n.__c){if(w!==g&&k&&!L.getDerivedStateFromProps&&u.componentWillReceiveProps&&u.componentWillReceiveProps(w,E),t.__v==n.__v&&!(8&u.__g)||!(4&u.__g)&&u.shouldComponentUpdate&&u.shouldComponentUpdate(w,u.__s,E)===!1){t.__v!=n.__v&&(u.props=w,u.state=u.__s,u.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(K){K&&(K.__=t)}),Qt.push.apply(u.__h,u.__k),u.__k=[],u.__h.length&&r.push(u),l=Oe(n);break e}u.componentWillUpdate&&u.componentWillUpdate(w,u.__s,E),k&&u.componentDidUpdate&&u.__h.push(function(){u.componentDidUpdate(g,y,v)})}else k&&!L.getDerivedStateFromProps&&u.componentWillMount&&u.componentWillMount(),k&&u.componentDidMount&&u.__h.push(u.componentDidMount);u.context=E,u.props=w,u.__P=e,u.__g&=-5,$=D.__r,R=k?25:0;do u.__g&=-9,$&&$(t),c=u.render(u.props,u.state=u.__s,u.context);while(8&u.__g&&++R<25);k&&(Qt.push.apply(u.__h,u.__k),u.__k=[]),u.state=u.__s,u.getChildContext&&(a=Ke({},a,u.getChildContext())),k&&n.__c&&u.getSnapshotBeforeUpdate&&(v=u.getSnapshotBeforeUpdate(g,y)),te=c&&c.type===Qe&&c.key==null?c.props.children:c,w.__P&&(c=l,i=(e=w.__P).namespaceURI,p=s=null,n.props&&n.props.__P!=e&&(n.__k.some(function(K){K&&Gn(K,K)}),n.__k=null),l=n.__k?Oe(n,0):null),l=Ya(e,Vn(te)?te:[te],t,n,a,i,s,r,l,p,m),w.__P&&(t.__e=null,l=c),t.__u&=-161,f&&f.some(Ve),u.__h.length&&r.push(u),1&u.__g&&(u.__g&=-4)}catch(K){if(r.length=d,t.__v=null,p||s)if(K&&K.then){if(t.__u|=128|p,s){for(~(ae=s.indexOf(l||void 0))||(ae=s.length);(q=s[ae-1])&&q.nodeType==8;)ae--;for(;ae<s.length;ae++)if(q=s[ae])if(s[ae]=null,V){if(q==Ne)break}else{if(q.nodeType!=8)break;q.data.startsWith("$s")&&(Ne=Vt(V=q))}}if(!V){for(;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;V=l}(c=Vt(V=t.__c.__z||(t.__c.__z=V)))?(t.__e=V,l=c):t.__e=l,l=l&&l.nextSibling}else s&&s.some(Ve);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),K&&K.then||Ga(t),D.__e(K,t,n)}}else l=t.__e=$i(n.__e,t,n,a,i,s,r,p,m,e);return(c=D.diffed)&&c(t),l}function Vt(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Ga(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Ga))}function Ja(e,t,n){for(var a=0;a<n.length;)Qn(n[a++],n[a++],n[a++]);D.__c&&D.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(s){s.call(i)})}catch(s){D.__e(s,i.__v)}})}function $i(e,t,n,a,i,s,r,l,p,m){var c,f,d,u,g,y,v,w,k=n.props||Yt,T=t.props,E=t.type;if(E=="svg"?i="http://www.w3.org/2000/svg":E=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),s){for(c=0;c<s.length;c++)if((g=s[c])&&(E?g.localName==E:g.nodeType==3)){e=g,s[c]=null;break}}if(!e){if(w=m.ownerDocument||document,!E)return w.createTextNode(T);e=w.createElementNS(i,E,T.is?T:m),l&&(D.__m&&D.__m(t,s),l=!1),s=null}if(E){if(m=E=="template"&&e.content||e,s=E=="textarea"&&T.defaultValue!=null?null:s&&Kn.call(m.childNodes),!l&&s)for(k={},c=0;c<e.attributes.length;c++)k[(g=e.attributes[c]).name]=g.value;for(c in k)g=k[c],c=="dangerouslySetInnerHTML"?d=g:c=="children"||c in T||c=="value"&&"defaultValue"in T||c=="checked"&&"defaultChecked"in T||Ht(e,c,null,g,i);for(c in T)g=T[c],c=="children"?u=g:c=="dangerouslySetInnerHTML"?f=g:c=="value"?y=g:c=="checked"?v=g:l&&typeof g!="function"||k[c]===g||Ht(e,c,g,k[c],i);f?(l||d&&(f.__html==d.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):(d&&(e.textContent=""),(E=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&hi.test(E))&&(i="http://www.w3.org/1999/xhtml"),Ya(m,Vn(u)?u:[u],t,n,a,i,s,r,s?s[0]:n.__k&&Oe(n,0),l,p),s&&s.some(Ve)),l&&E!="textarea"||(c="value",E=="progress"&&y==null?e.removeAttribute(c):y==null||y===e[c]&&(E!="progress"||y)||Ht(e,c,y,k[c],i),c="checked",v!=null&&v!=e[c]&&Ht(e,c,v,k[c],i))}else k===T||l&&e.data==T||(e.data=T);return e}function Qn(e,t,n,a){try{typeof e=="function"?t?t.__x=e(t)||1:a&&(a=a.__c||a.__e)&&(t=a.__x)&&(a.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){D.__e(i,n)}}function Gn(e,t,n){var a,i,s,r;if(D.unmount&&D.unmount(e),!(a=e.ref)||a.current&&a.current!=e.__e||Qn(a,null,t,e),a=e.__c){if(a.componentWillUnmount)try{a.componentWillUnmount()}catch(l){D.__e(l,t)}a.__P=a.__n=null}if(a=e.__k)for(r=0;r<a.length;r++)a[r]&&Gn(a[r],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(a=e.__c)&&(a=a.__z)&&(i=Vt(a,s=[]))&&(a==e.__e&&s.some(Ve),Ve(i),Ve(a)),n||Ve(e.__e),e.__e=e.__c=e.__=null}function xi(e,t,n){return this.constructor(e,n)}function Jn(e,t){var n,a,i,s;D.__&&D.__(e,t),t.nodeType==9&&(t=t.documentElement),a=(n=e&&32&e.__u)?null:t.__k,t.__k=kt(Qe,{children:[e]}),i=[],s=[],Yn(t,t.__k,a||Yt,Yt,t.namespaceURI,a?null:t.firstChild?Kn.call(t.childNodes):null,i,a?a.__e:t.firstChild,n,s),Ja(i,t.__k,s),t.__k.props.children=null}D={__e:function(e,t,n,a){for(var i,s,r;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((r=(s=i.constructor)&&s.getDerivedStateFromError)&&i.setState(s.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,a||{}),r=1),r&&8&i.__g)return void(i.__g|=2)}catch(l){e=l}}throw Kt=0,e}},ja=0,Hn=function(e){return e!=null&&e.constructor===Ct},Ye.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=Ke({},this.state)),typeof e=="function"&&(e=e(Ke({},n),this.props)),e&&(Ke(n,e),this.__v&&(t&&this.__k.push(t),Wa(this)))},Ye.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),Wa(this))},Ye.prototype.render=Qe,Le=[],Kt=0,Ha=function(e,t){return e.__v.__b-t.__v.__b},Bt=Symbol(),Ba=/(PointerCapture)$|Capture$/i,Bn=0,jn={},mi=0;var Xa=function(e,t,n,a){var i;t[0]=0;for(var s=1;s<t.length;s++){var r=t[s++],l=t[s]?(t[0]|=r?1:2,n[t[s++]]):t[++s];r===3?a[0]=l:r===4?a[1]=Object.assign(a[1]||{},l):r===5?(a[1]=a[1]||{})[t[++s]]=l:r===6?a[1][t[++s]]+=l+"":r?(i=e.apply(l,Xa(e,l,n,["",null])),a.push(i),l[0]?t[0]|=2:(t[s-2]=0,t[s]=i)):a.push(l)}return a},Za=new Map;function eo(e){var t=Za.get(this);return t||(t=new Map,Za.set(this,t)),(t=Xa(this,t.get(e)||(t.set(e,t=(function(n){for(var a,i,s=1,r="",l="",p=[0],m=function(d){s===1&&(d||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,d,r):s===3&&(d||r)?(p.push(3,d,r),s=2):s===2&&r==="..."&&d?p.push(4,d,0):s===2&&r&&!d?p.push(5,0,!0,r):s>=5&&((r||!d&&s===5)&&(p.push(s,0,r,i),s=6),d&&(p.push(s,d,0,i),s=6)),r=""},c=0;c<n.length;c++){c&&(s===1&&m(),m(c));for(var f=0;f<n[c].length;f++)a=n[c][f],s===1?a==="<"?(m(),p=[p],s=3):r+=a:s===4?r==="--"&&a===">"?(s=1,r=""):r=a+r[0]:l?a===l?l="":r+=a:a==='"'||a==="'"?l=a:a===">"?(m(),s=1):s&&(a==="="?(s=5,i=r,r=""):a==="/"&&(s<5||n[c][f+1]===">")?(m(),s===3&&(p=p[0]),s=p,(p=p[0]).push(2,0,s),s=0):a===" "||a==="	"||a===`
`||a==="\r"?(m(),s=2):r+=a),s===3&&r==="!--"&&(s=4,p=p[0])}return m(),p})(e)),t),arguments,[])).length>1?t:t[0]}var o=eo.bind(St);var it,Y,Zn,to,Xn=Object.is,Gt=0,po=[],ea=[],H=D,no=H.__b,ao=H.__r,oo=H.diffed,so=H.__c,io=H.unmount,ro=H.__;function Jt(e,t){H.__h&&H.__h(Y,e,Gt||t),Gt=0;var n=Y.__H||(Y.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function h(e){return Gt=1,_i(fo,e)}function _i(e,t,n){var a=Jt(it++,2);if(a.t=e,!a.__c&&(a.__=[n?n(t):fo(void 0,t),function(s){var r=(a.__N||a.__)[0],l=a.t(r,s);Xn(r,l)||(a.__N=[l,a.__[1]],a.__c.setState({}))}],a.__c=Y,!Y.__f)){Y.__f=!0;var i=Y.shouldComponentUpdate;Y.shouldComponentUpdate=function(s,r,l){var p=this.__H;if(!p)return!0;var m=!1,c=this.props!=s;if(p.__.some(function(d){d.__N&&(m=!0,Xn(d.__[0],d.__N[0])||(c=!0))}),i){var f=i.call(this,s,r,l);return m?f||c:f}return!m||c}}return a.__}function x(e,t){var n=Jt(it++,3);!H.__s&&na(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,Y.__H.__h.push(n))}function uo(e,t){var n=Jt(it++,4);!H.__s&&na(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,Y.__h.push(n))}function Z(e){return Gt=5,Zt(function(){return{current:e}},[])}function Zt(e,t){var n=Jt(it++,7);return na(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function wi(){var e;do{for(;e=ea.shift();)try{Tt(e)}catch(n){H.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=po.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Tt),t.__h.some(ta),t.__h=[]}catch(n){t.__h=[],H.__e(n,e.__v)}}}while(ea.length)}H.__b=function(e){Y=null,no&&no(e)},H.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),ro&&ro(e,t)},H.__r=function(e){ao&&ao(e),it=0;var t=(Y=e.__c).__H;t&&(Zn==Y?Y.__h=[]:(t.__h.some(Tt),t.__h.some(ta),it=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),Zn=Y},H.diffed=function(e){oo&&oo(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&co(po.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),Zn=Y=null},H.__c=function(e,t){t.some(function(n){try{n.__h.some(Tt),n.__h=n.__h.filter(function(a){return!a.__||ta(a)})}catch(a){n.__h=[function(){throw a}]}}),so&&so(e,t)},H.unmount=function(e){io&&io(e);var t,n,a=e.__c;a&&a.__H&&(a.__H.__.some(function(i){try{if(i.__P&&i.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}i.__P=n,co(ea.push(i))}else Tt(i)}catch(s){t=s}}),a.__H=void 0,t&&H.__e(t,a.__v))};var lo=typeof requestAnimationFrame=="function";function ki(e){var t,n=function(){clearTimeout(a),lo&&cancelAnimationFrame(t),setTimeout(e)},a=setTimeout(n,35);lo&&(t=requestAnimationFrame(n))}function co(e){e!=1&&to==H.requestAnimationFrame||((to=H.requestAnimationFrame)||ki)(wi)}function Tt(e){var t=Y,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),Y=t}function ta(e){var t=Y;e.__c=e.__(),Y=t}function na(e,t){return!e||e.length!=t.length||t.some(function(n,a){return!Xn(n,e[a])})}function fo(e,t){return typeof t=="function"?t(e):t}var Ci=Symbol.for("preact-signals");function nn(){if(qe>1)qe--;else{var e,t=!1;for((function(){var i=en;for(en=void 0;i!==void 0;){var s=i.S;if(s.v===i.v)for(var r=s.t;r!==void 0;r=r.x)r.i===i.i&&(r.i=s.i);i=i.o}})();It!==void 0;){var n=It;for(It=void 0,Xt++;n!==void 0;){var a=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&ho(n))try{n.c()}catch(i){t||(e=i,t=!0)}n=a}}if(Xt=0,qe--,t)throw e}}function Ue(e){if(qe>0)return e();aa=++Si,qe++;try{return e()}finally{nn()}}var At,W=void 0;function Et(e){var t=W,n=At;W=void 0,At=void 0;try{return e()}finally{W=t,At=n}}var It=void 0,qe=0,Xt=0,Si=0,aa=0,en=void 0,tn=0;function mo(e){if(W!==void 0){var t=e.n;if(t===void 0||t.t!==W)return t={i:0,S:e,p:W.s,n:void 0,t:W,e:void 0,x:void 0,r:t},W.s!==void 0&&(W.s.n=t),W.s=t,e.n=t,32&W.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=W.s,t.n=void 0,W.s.n=t,W.s=t),t}}function X(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}X.prototype.brand=Ci;X.prototype.h=function(){return!0};X.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n!==void 0?n.e=e:Et(function(){var a;(a=t.W)==null||a.call(t)}))};X.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,a=e.x;n!==void 0&&(n.x=a,e.e=void 0),a!==void 0&&(a.e=n,e.x=void 0),e===this.t&&(this.t=a,a===void 0&&Et(function(){var i;(i=t.Z)==null||i.call(t)}))}};X.prototype.subscribe=function(e){var t=this;return Re(function(){var n=t.value;Et(function(){return e(n)})},{name:"sub"})};X.prototype.valueOf=function(){return this.value};X.prototype.toString=function(){return this.value+""};X.prototype.toJSON=function(){return this.value};X.prototype.peek=function(){var e=this;return Et(function(){return e.value})};Object.defineProperty(X.prototype,"value",{get:function(){var e=mo(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(Xt>100)throw new Error("Cycle detected");(function(n){qe!==0&&Xt===0&&n.l!==aa&&(n.l=aa,en={S:n,v:n.v,i:n.i,o:en})})(this),this.v=e,this.i++,tn++,qe++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{nn()}}}});function A(e,t){return new X(e,t)}function ho(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function go(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function bo(e){for(var t=e.s,n=void 0;t!==void 0;){var a=t.p;t.i===-1?(t.S.U(t),a!==void 0&&(a.n=t.n),t.n!==void 0&&(t.n.p=a)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=a}e.s=n}function Ge(e,t){X.call(this,void 0,t),this.x=e,this.s=void 0,this.g=tn-1,this.f=4}Ge.prototype=new X;Ge.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===tn))return!0;if(this.g=tn,this.f|=1,this.i>0&&!ho(this))return this.f&=-2,!0;var e=W;try{go(this),W=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(n){this.v=n,this.f|=16,this.i++}return W=e,bo(this),this.f&=-2,!0};Ge.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}X.prototype.S.call(this,e)};Ge.prototype.U=function(e){if(this.t!==void 0&&(X.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};Ge.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(Ge.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=mo(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function ne(e,t){return new Ge(e,t)}function vo(e){var t=e.j;if(e.j=void 0,typeof t=="function"){qe++;var n=W;W=void 0;try{t()}catch(a){throw e.f&=-2,e.f|=8,oa(e),a}finally{W=n,nn()}}}function oa(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,vo(e)}function Ti(e){if(W!==this)throw new Error("Out-of-order effect");bo(this),W=e,this.f&=-2;try{8&this.f&&oa(this)}finally{nn()}}function rt(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,At&&At.push(this)}rt.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};rt.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,vo(this),go(this),qe++;var e=W;return W=this,Ti.bind(this,e)};rt.prototype.N=function(){2&this.f||(this.f|=2,this.u=It,It=this)};rt.prototype.d=function(){this.f|=8,1&this.f||oa(this)};rt.prototype.dispose=function(){this.d()};function Re(e,t){var n=new rt(e,t);try{n.c()}catch(i){throw n.d(),i}var a=n.d.bind(n);return a[Symbol.dispose]=a,a}var yo,on,an,Ai=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var $o=[];Re(function(){yo=this.N})();function lt(e,t){D[e]=t.bind(null,D[e]||function(){})}function Nt(e){if(an){var t=an;an=void 0,t()}an=e&&e.S()}function xo(e){var t=this,n=e.data,a=Ei(n);a.name="ReactiveDom",a.value=n;var i=Zt(function(){for(var l=t,p=t.__v;p=p.__;)if(p.__c){p.__c.__$f|=4;break}var m=ne(function(){var u=a.value.value;return u===0?0:u===!0?"":u||""}),c=ne(function(){return!Array.isArray(m.value)&&!Hn(m.value)}),f=Re(function(){if(this.N=_o,c.value){var u=m.value;l.__v&&l.__v.__e&&l.__v.__e.nodeType===3&&(l.__v.__e.data=u)}}),d=t.__$u.d;return t.__$u.d=function(){f(),d.call(this)},[c,m]},[]),s=i[0],r=i[1];return s.value?r.peek():r.value}xo.displayName="ReactiveTextNode";Object.defineProperties(X.prototype,{constructor:{configurable:!0,value:St(Qe,null).constructor},type:{configurable:!0,value:xo},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});lt("__b",function(e,t){if(Nt(),on=void 0,typeof t.type=="string"){var n,a=t.props;for(var i in a)if(i!=="children"){var s=a[i];s instanceof X&&(n||(t.__np=n={}),n[i]=s,a[i]=s.peek())}}e(t)});lt("__r",function(e,t){if(e(t),t.type!==Qe){Nt();var n,a=t.__c;a&&(a.__$f&=-2,(n=a.__$u)===void 0&&(a.__$u=n=(function(i,s){var r;return Re(function(){r=this},{name:s}),r.c=i,r})((function(i){return function(){var s;Ai&&((s=this.y)==null||s.call(this)),i.__$f|=1,i.setState({})}})(a),typeof t.type=="function"?t.type.displayName||t.type.name:""))),on=a,Nt(n)}});lt("__e",function(e,t,n,a){Nt(),on=void 0,e(t,n,a)});lt("diffed",function(e,t){Nt(),on=void 0;var n;if(typeof t.type=="string"&&(n=t.__e)){var a=t.__np,i=t.props,s=n.U;if(s)for(var r in s){var l=s[r];l===void 0||a&&r in a||(l.d(),s[r]=void 0)}if(a){s||(s={},n.U=s);for(var p in a){var m=s[p],c=a[p];m===void 0?(m=Ii(n,p,c,i),s[p]=m):m.o(c,i)}}}e(t)});function Ii(e,t,n,a){var i=t in e&&e.ownerSVGElement===void 0,s=A(n);return{o:function(r,l){s.value=r,a=l},d:Re(function(){this.N=_o;var r=s.value.value;a[t]!==r&&(a[t]=r,i?e[t]=r:r!=null&&(r!==!1||t[4]==="-")?e.setAttribute(t,r):e.removeAttribute(t))})}}lt("unmount",function(e,t){if(typeof t.type=="string"){var n=t.__e;if(n){var a=n.U;if(a){n.U=void 0;for(var i in a){var s=a[i];s&&s.d()}}}var r=t.__np;if(r){var l=t.props;for(var p in r)l[p]=r[p]}t.__np=void 0}else{var m=t.__c;if(m){m.__$f|=8;var c=m.__$u;c&&(m.__$u=void 0,c.d())}}e(t)});lt("__h",function(e,t,n,a){a<3&&(t.__$f|=2),e(t,n,a)});Ye.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,a=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var s=2&this.__$f;if(!(a||s||4&this.__$f)||1&this.__$f)return!0}else if(!(a||4&this.__$f)||3&this.__$f)return!0;for(var r in e)if(r!=="__source"&&e[r]!==this.props[r])return!0;for(var l in this.props)if(!(l in e))return!0;return!1};function Ei(e,t){return Zt(function(){return A(e,t)},[])}var Ni=function(e){queueMicrotask(function(){queueMicrotask(e)})};function qi(){Ue(function(){for(var e;e=$o.shift();)yo.call(e)})}function _o(){$o.push(this)===1&&(D.requestAnimationFrame||Ni)(qi)}var wo="parley_csrf",Ri="X-CSRF-Token",dt=ko(wo);function ko(e){for(let t of document.cookie.split(";")){let[n,...a]=t.trim().split("=");if(n===e)return decodeURIComponent(a.join("="))}return""}var ut=class extends Error{constructor(t,n){super(n?.detail||n?.title||`Request failed (${t})`),this.status=t,this.code=n?.code||"",this.reason=n?.reason||"",this.fields=n?.errors||[]}};async function Pe(e,t,{body:n,query:a,headers:i={},raw:s}={}){let r=t;if(a){let d=new URLSearchParams;for(let[g,y]of Object.entries(a))y==null||y===""||(Array.isArray(y)?y.forEach(v=>d.append(g,v)):d.set(g,String(y)));let u=d.toString();u&&(r+="?"+u)}let l={Accept:"application/json",...i};e!=="GET"&&e!=="HEAD"&&(dt||(dt=ko(wo)),dt&&(l[Ri]=dt));let p;s!==void 0?p=s:n!==void 0&&(l["Content-Type"]="application/json",p=JSON.stringify(n));let m;try{m=await fetch(r,{method:e,headers:l,body:p,credentials:"same-origin"})}catch{throw new ut(0,{detail:"The server cannot be reached. Check your connection."})}if(m.status===204)return null;let c=await m.text(),f=null;if(c)try{f=JSON.parse(c)}catch{f=null}if(!m.ok){let d=new ut(m.status,f);throw m.status===401&&sa&&!t.endsWith("/auth/login")&&sa(d),d}return f}var sa=null;function Co(e){sa=e}var I=(e,t)=>Pe("GET",e,{query:t}),N=(e,t,n)=>Pe("POST",e,{body:t,query:n}),De=(e,t)=>Pe("PATCH",e,{body:t}),pt=(e,t)=>Pe("PUT",e,{body:t}),xe=e=>Pe("DELETE",e);async function ct(e,t={},n=1e3){let a=[],i="";do{let s=await I(e,{...t,limit:200,cursor:i});a.push(...s.items||[]),i=s.next_cursor||""}while(i&&a.length<n);return a}async function So(e,t,n){let a=await N("/api/v1/auth/login",{email:e,password:t,workspace:n||void 0});return dt=a.csrf_token,a}async function To(){try{await N("/api/v1/auth/logout")}finally{dt=""}}var F=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,b={conversations:e=>ct("/api/v1/conversations",e),conversation:e=>I(F(e)),messages:(e,t)=>I(F(e)+"/messages",t),context:(e,t)=>I(F(e)+"/context",t),send:(e,t)=>N(F(e)+"/messages",t),assign:(e,t)=>N(F(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,n)=>N(F(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:n}),unassign:(e,t)=>N(F(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>N(F(e)+"/resolve"),reopen:e=>N(F(e)+"/reopen"),markRead:(e,t)=>N(F(e)+"/read",{seq:t}),unread:e=>I(F(e)+"/unread"),myOffers:()=>I("/api/v1/me/offers"),acceptOffer:e=>N(F(e)+"/offer/accept"),declineOffer:e=>N(F(e)+"/offer/decline"),readStates:e=>I(F(e)+"/read-states"),upload:(e,t)=>Pe("POST",F(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>I(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>ct("/api/v1/agents"),createAgent:e=>N("/api/v1/agents",e),updateAgent:(e,t)=>De(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>ct("/api/v1/inboxes"),createInbox:e=>N("/api/v1/inboxes",e),updateInbox:(e,t)=>De(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>ct("/api/v1/tokens"),createToken:e=>N("/api/v1/tokens",e),revokeToken:e=>xe(`/api/v1/tokens/${encodeURIComponent(e)}`),contextEndpoints:()=>I("/api/v1/context-endpoints").then(e=>e.items),createContextEndpoint:e=>N("/api/v1/context-endpoints",e),rotateContextSecret:e=>N(`/api/v1/context-endpoints/${encodeURIComponent(e)}/secret`),deleteContextEndpoint:e=>xe(`/api/v1/context-endpoints/${encodeURIComponent(e)}`),webhooks:()=>ct("/api/v1/webhooks"),webhookEventTypes:()=>I("/api/v1/webhooks/event-types").then(e=>e.items),createWebhook:e=>N("/api/v1/webhooks",e),updateWebhook:(e,t)=>De(`/api/v1/webhooks/${encodeURIComponent(e)}`,t),deleteWebhook:e=>xe(`/api/v1/webhooks/${encodeURIComponent(e)}`),rotateWebhookSecret:e=>N(`/api/v1/webhooks/${encodeURIComponent(e)}/rotate-secret`),pingWebhook:e=>N(`/api/v1/webhooks/${encodeURIComponent(e)}/ping`),webhookDeliveries:e=>I(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries`,{limit:25}).then(t=>t.items),webhookDelivery:(e,t)=>I(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}`),redeliverWebhook:(e,t)=>N(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}/redeliver`),teams:()=>I("/api/v1/teams").then(e=>e.items),createTeam:e=>N("/api/v1/teams",e),updateTeam:(e,t)=>De(`/api/v1/teams/${encodeURIComponent(e)}`,t),deleteTeam:e=>xe(`/api/v1/teams/${encodeURIComponent(e)}`),queues:()=>I("/api/v1/queues").then(e=>e.items),createQueue:e=>N("/api/v1/queues",e),updateQueue:(e,t)=>De(`/api/v1/queues/${encodeURIComponent(e)}`,t),deleteQueue:e=>xe(`/api/v1/queues/${encodeURIComponent(e)}`),setBusinessHours:(e,t)=>pt(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`,t),deleteBusinessHours:e=>xe(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`),routingRules:()=>I("/api/v1/routing-rules").then(e=>e.rules),setRoutingRules:e=>pt("/api/v1/routing-rules",{rules:e}),moveToQueue:(e,t)=>N(F(e)+"/queue",t),escalate:(e,t)=>N(F(e)+"/escalate",{reason:t}),apps:()=>ct("/api/v1/apps"),app:e=>I(`/api/v1/apps/${encodeURIComponent(e)}`),installApp:e=>N("/api/v1/apps",e),disableApp:e=>N(`/api/v1/apps/${encodeURIComponent(e)}/disable`),enableApp:e=>N(`/api/v1/apps/${encodeURIComponent(e)}/enable`),uninstallApp:e=>xe(`/api/v1/apps/${encodeURIComponent(e)}`),audit:e=>I("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>pt("/api/v1/me/presence",{status:e}),snooze:(e,t)=>N(F(e)+"/snooze",t?{until:t}:void 0),unsnooze:e=>N(F(e)+"/unsnooze"),setPriority:(e,t)=>N(F(e)+"/priority",{priority:String(t)}),canned:()=>I("/api/v1/canned-responses"),renderCanned:(e,t)=>N(`/api/v1/canned-responses/${encodeURIComponent(e)}/render`,{conversation_id:t}),labels:()=>I("/api/v1/labels"),conversationLabels:e=>I(F(e)+"/labels"),addLabel:(e,t)=>pt(F(e)+"/labels/"+encodeURIComponent(t)),removeLabel:(e,t)=>xe(F(e)+"/labels/"+encodeURIComponent(t)),search:(e,t)=>I("/api/v1/search",{q:e,type:"messages",limit:25,cursor:t})};var Je=A("connecting"),ia=new Set,ze=new Map,_e=null,qt=1e3,ra=0,Di=1,Rt=!0,ft=new Map;function mt(e){return ia.add(e),()=>ia.delete(e)}function Ao(){Rt&&(Rt=!1,la())}function Io(){Rt=!0,clearTimeout(ra),ze.clear(),_e&&_e.close(1e3),_e=null}function la(){Je.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);_e=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=n=>{let a;try{a=JSON.parse(n.data)}catch{return}if(a.type==="ready"){Je.value="online",qt=1e3,we({type:"subscribe_feed"}).catch(()=>{});for(let[i,s]of ze)we({type:"subscribe",conversation_id:i,after_seq:s}).catch(()=>{})}if(a.type==="message"&&a.message){let i=ze.get(a.conversation_id);i!==void 0&&a.message.seq>i&&ze.set(a.conversation_id,a.message.seq)}if(a.type==="subscribed"){let i=ze.get(a.conversation_id);i!==void 0&&ze.set(a.conversation_id,Math.max(i,a.last_seq))}if(a.id&&ft.has(a.id)){let i=ft.get(a.id);ft.delete(a.id),a.type==="error"?i.reject(a):i.resolve(a)}for(let i of ia)try{i(a)}catch(s){console.error(s)}},t.onclose=n=>{if(_e!==t)return;_e=null;for(let i of ft.values())i.reject({code:"unavailable",message:"disconnected"});if(ft.clear(),Rt||(Je.value="offline",n.code===1008&&n.reason==="no session cookie"))return;let a=Math.min(qt,3e4)*(.8+Math.random()*.4);qt=Math.min(qt*2,3e4),ra=setTimeout(la,a)}}function Eo(){Rt||_e||(clearTimeout(ra),qt=1e3,la())}function we(e){return new Promise((t,n)=>{if(!_e||_e.readyState!==WebSocket.OPEN||Je.value!=="online"){n({code:"unavailable",message:"not connected"});return}let a="c"+Di++;ft.set(a,{resolve:t,reject:n}),_e.send(JSON.stringify({...e,id:a}))})}function ca(e,t){let n=ze.get(e);n!==void 0&&n>=t||(ze.set(e,t),Je.value==="online"&&we({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var No=e=>ze.has(e);function qo(e,t){we({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var Do="parley.console.sound",We=A(typeof Notification>"u"?"unsupported":Notification.permission),Dt=A(localStorage.getItem(Do)!=="off"),be=null;async function Po(){if(da(),!(typeof Notification>"u"))try{We.value=await Notification.requestPermission()}catch{We.value=Notification.permission}}function zo(e){Dt.value=e,localStorage.setItem(Do,e?"on":"off"),e&&da()}function da(){let e=window.AudioContext||window.webkitAudioContext;e&&(be||(be=new e),be.state==="suspended"&&be.resume().catch(()=>{}))}function Mo(e){e.isTrusted&&Dt.value&&be?.state!=="running"&&da()}document.addEventListener("pointerdown",Mo,!0);document.addEventListener("keydown",Mo,!0);function Pi(){if(!Dt.value||!be||be.state!=="running")return;let e=be.currentTime;[[880,0],[1318.5,.12]].forEach(([t,n])=>{let a=be.createOscillator(),i=be.createGain();a.type="sine",a.frequency.value=t,i.gain.setValueAtTime(1e-4,e+n),i.gain.exponentialRampToValueAtTime(.18,e+n+.02),i.gain.exponentialRampToValueAtTime(1e-4,e+n+.35),a.connect(i).connect(be.destination),a.start(e+n),a.stop(e+n+.4)})}function sn(e,t,n){if(document.hidden&&(Pi(),We.value==="granted"))try{let a=new Notification(e,{body:t.slice(0,140),tag:n,icon:void 0});a.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:n})),a.close()}}catch{}}var ee=A(null),ya=A(!1),B=A({}),ce=A({}),ie=A({}),le=A({}),me=A([]),et=A([]),Q=A({}),je=A({}),ke=A({}),ht=A({}),cn=A(!0),Wl=ne(()=>{let e=oe.value[bt("resolved")];return!!e&&!e.loading}),gt=A([]),tt=A(null),ln=!1;function Mt(){ln||(ln=!0,Promise.all([b.queues(),b.teams()]).then(([e,t])=>{tt.value={queues:e,teams:t}}).catch(()=>{ln=!1}))}function Lt(){ln=!1,tt.value=null}var Ce=A(""),pe=ne(()=>ee.value?.agent?.id||""),fe=ne(()=>ee.value?.agent?.role||""),zi=ne(()=>new Set(ee.value?.scopes||[])),$a=e=>zi.value.has(e),dn=e=>{let t=/^(.*?)(?:\.(\d+))?Z$/.exec(e||"");return t?t[1]+"."+(t[2]||"").padEnd(9,"0"):e||""},pn=(e,t)=>e<t?-1:e>t?1:0,rn=(e,t)=>pn(dn(t.updated_at),dn(e.updated_at))||pn(t.id,e.id),Mi=(e,t)=>pn(dn(e.created_at),dn(t.created_at))||pn(e.id,t.id),jo=A(Date.now());setInterval(()=>{jo.value=Date.now()},3e4);var Ze=e=>!!e.snoozed_until_reply||!!e.snoozed_until&&Date.parse(e.snoozed_until)>Date.now(),Lo=e=>e.status==="pending"||e.status==="assigned",xa={queue:{member:e=>e.status==="pending"&&!Ze(e),order:Mi,query:()=>({status:"pending",snoozed:"false",sort:"oldest"})},mine:{member:e=>e.status==="assigned"&&e.assignee_id===pe.value&&!Ze(e),order:rn,query:()=>({status:"assigned",assignee_id:pe.value,snoozed:"false",sort:"last_activity"})},open:{member:e=>Lo(e)&&!Ze(e),order:rn,query:()=>({status:"pending,assigned",snoozed:"false",sort:"last_activity"})},snoozed:{member:e=>Lo(e)&&Ze(e),order:rn,query:()=>({status:"pending,assigned",snoozed:"true",sort:"last_activity"})},resolved:{member:e=>e.status==="resolved",order:rn,query:()=>({status:"resolved",sort:"last_activity"})}},Li=100,oe=A({}),Se=A(""),Me=A(""),Ho=()=>!!(Se.value||Me.value),bt=e=>Ho()?`${e}#${Se.value}#${Me.value}`:e;function Oi(e,t){let n=oe.value[bt(e)];return n?Ho()?!!n.ids?.has(t.id):n.done||!n.edge?n.done:xa[e].order(t,n.edge)<=0:!1}var nt=ne(()=>{jo.value;let e=Object.values(B.value),t={};for(let[n,a]of Object.entries(xa))t[n]=e.filter(i=>a.member(i)&&Oi(n,i)).sort(a.order);return t}),Bo=e=>{let t=oe.value[bt(e)];return!t||!t.done},Vo=e=>{let t=oe.value[bt(e)];return!!t&&!t.loading};function Ko(e){oe.value[bt(e)]||Xe(e)}function _a(e,t,n){let a={...oe.value};for(let[i,s]of Object.entries(a)){if(!i.includes("#"+t+"#")||!s.ids)continue;let r=new Set(s.ids);n?r.add(e):r.delete(e),a[i]={...s,ids:r}}oe.value=a}async function Xe(e){let t=xa[e],n=bt(e),a=Se.value,i=Me.value,s=oe.value[n];if(!t||s?.done||s?.loading)return;oe.value={...oe.value,[n]:{...s,loading:!0}};let r={...s,loading:!1};try{let l=await I("/api/v1/conversations",{...t.query(),label_id:a||void 0,priority:i||void 0,limit:Li,cursor:s?.cursor||void 0}),p=l.items||[];Ue(()=>{for(let f of p)he(f)});let m=p[p.length-1];r={cursor:l.next_cursor||"",done:!l.next_cursor,loading:!1,edge:m?{...m}:s?.edge,ids:a||i?new Set([...s?.ids||[],...p.map(f=>f.id)]):void 0};let c=p.filter(ka);for(let f of c)Go(f);hn(c.map(f=>f.id))}catch(l){_(l,"Could not load conversations")}finally{oe.value={...oe.value,[n]:r}}}var Fl=ne(()=>nt.value.mine.reduce((e,t)=>e+(ie.value[t.id]||0),0)),Oo=new Set;function Ui(e){if(!e?.id||fe.value!=="admin"&&fe.value!=="supervisor")return;let t=e.id+" "+e.escalation_overdue_at;Oo.has(t)||(Oo.add(t),C(`Overdue: ${se(e.contact_id)} has waited past the last tier.`,"error"))}var Wi=0;function C(e,t="info"){let n=++Wi;gt.value=[...gt.value,{id:n,text:e,kind:t}],setTimeout(()=>wa(n),t==="error"?8e3:4e3)}function wa(e){gt.value=gt.value.filter(t=>t.id!==e)}function _(e,t){let n=e instanceof ut||e?.message?e.message:String(e),a=(e?.fields||[]).map(i=>i.message).filter(Boolean);a.length&&(n=a.join("; ")),C(t?`${t}: ${n}`:n,"error")}function he(e){if(!e?.id)return;let t=B.value[e.id];if(t&&t.updated_at>e.updated_at)return;let n={...t,...e};if(e.status)for(let a of["snoozed_until","snoozed_until_reply","waiting_since"])a in e||delete n[a];B.value={...B.value,[e.id]:n}}var ka=e=>e.status==="pending"||e.status==="assigned";async function Yo(){cn.value=!0,Ao();try{let[e,t]=await Promise.all([b.agents().catch(()=>[]),b.inboxes().catch(()=>[]),Xe("queue"),Xe("mine"),Xe("open")]);Ue(()=>{me.value=e,et.value=t})}finally{cn.value=!1}}var de=A({});function Uo(e,t){if(!e?.conversation_id||e.agent_id!==pe.value)return;let n=de.value[e.conversation_id];if(t==="conversation.offered"&&e.state==="open"){if(n?.id===e.id||un.has(e.id))return;let a=Date.parse(e.expires_at)-Date.parse(e.offered_at);de.value={...de.value,[e.conversation_id]:{...e,deadline:Date.now()+(a>0?a:0)}};let i=B.value[e.conversation_id];sn("Conversation offered to you",`${i?se(i.contact_id):"A visitor"} is waiting: accept or decline`,`/console/queue/${e.conversation_id}`);return}un.add(e.id),n&&n.id===e.id&&Ot(e.conversation_id)}var un=new Set;function Ot(e){let t=de.value[e];if(!t)return;un.add(t.id);let n={...de.value};delete n[e],de.value=n}async function Fi(){try{let e=await b.myOffers(),t={};for(let n of e.items||[]){if(un.has(n.id))continue;let a=de.value[n.conversation_id];t[n.conversation_id]=a?.id===n.id?a:{...n,deadline:Date.parse(n.expires_at)},B.value[n.conversation_id]||b.conversation(n.conversation_id).then(i=>{he(i),ve(i.contact_id)},()=>{})}de.value=t}catch{}}async function Qo(e,t){let n=t?"accept_offer":"decline_offer",a=null;try{a=(await we({type:n,conversation_id:e}).catch(s=>{if(s?.code!=="unavailable")throw s;return b[t?"acceptOffer":"declineOffer"](e).then(r=>({conversation:r}))})).conversation||null,a&&he(a)}catch(i){let s=i?.reason||"",r=s==="expired"?"The offer has expired.":s==="no_offer"?"The offer is no longer open.":null;r?C(r,"info"):_(i,t?"Could not accept the conversation":"Could not decline the conversation")}return Ot(e),a}function mn(){Io(),va.clear(),Lt(),Ue(()=>{ee.value=null,B.value={},ce.value={},ie.value={},le.value={},Q.value={},je.value={},oe.value={},de.value={},Se.value="",Me.value="",Ce.value=""})}function Go(e){ka(e)&&ca(e.id,Math.max(0,e.last_seq-1))}var fn=[],ba=new Set,Pt={},pa=0,Ca=e=>Ce.value===e&&!document.hidden;function hn(e){for(let t of e)ba.has(t)||(ba.add(t),fn.push(t));for(;pa<4&&fn.length;)pa++,ji().finally(()=>{pa--})}async function ji(){for(;fn.length;){let e=fn.shift();ba.delete(e);let t=Pt[e]=(Pt[e]||0)+1;try{let n=await b.unread(e);Pt[e]===t&&!Ca(e)&&(ie.value={...ie.value,[e]:n.count})}catch{}}}var va=new Map,ua=new Map;function ve(e,t=!1){if(!e)return;let n=va.get(e);if(!(n!==void 0&&!t)){if(n!==void 0&&Date.now()-n<3e3){ua.has(e)||ua.set(e,setTimeout(()=>{ua.delete(e),ve(e,!0)},3e3-(Date.now()-n)));return}va.set(e,Date.now()),b.contact(e).then(a=>{le.value={...le.value,[e]:a}},()=>{le.value[e]||(le.value={...le.value,[e]:{id:e,missing:!0}})})}}var Jo=e=>{let t=le.value[e];return!!t&&!t.missing&&!t.name};function se(e){let t=le.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function He(e){return e?e===pe.value?"you":me.value.find(t=>t.id===e)?.name||"an agent":""}function ye(e){let t=et.value.find(n=>n.id===e)?.name;return!t&&e&&Hi(),t||""}var fa=null,Wo=0;function Hi(){fa||Date.now()-Wo<1e4||(fa=b.inboxes().then(e=>{et.value=e},()=>{}).finally(()=>{fa=null,Wo=Date.now()}))}function gn(e,t){let n=new Map(e.map(a=>[a.seq,a]));for(let a of t)n.set(a.seq,a);return[...n.values()].sort((a,i)=>a.seq-i.seq)}async function bn(e,t=0){Ce.value=e;let n=B.value[e];try{n||(n=await b.conversation(e),he(n)),ve(n.contact_id,!0);let i=(await b.messages(e,{before_seq:n.last_seq+1,limit:50})).items||[];Q.value={...Q.value,[e]:gn(Q.value[e]||[],i)};let s=i[i.length-1];s&&!(ce.value[e]?.seq>=s.seq)&&(ce.value={...ce.value,[e]:s}),je.value={...je.value,[e]:i.length>0&&i[0].seq>1&&i.length===50},ca(e,i.length?i[i.length-1].seq:n.last_seq),b.readStates(e).then(r=>{let l=(r.items||[]).find(p=>p.participant.type==="contact");l&&(ht.value={...ht.value,[e]:l.last_read_seq})}).catch(()=>{}),Ut(e);for(let r=0;t&&r<100;r++){let l=Q.value[e]||[];if(!l.length||l[0].seq<=t||!je.value[e])break;await Sa(e)}}catch(a){_(a,"Could not open the conversation")}}async function Sa(e){let t=Q.value[e]||[];if(t.length)try{let a=(await b.messages(e,{before_seq:t[0].seq,limit:50})).items||[];Q.value={...Q.value,[e]:gn(Q.value[e]||[],a)},je.value={...je.value,[e]:a.length===50&&a[0].seq>1}}catch(n){_(n,"Could not load earlier messages")}}var ma={};function Ut(e){if(document.hidden||Ce.value!==e)return;let t=Q.value[e]||[],n=B.value[e],a=Math.max(t.length?t[t.length-1].seq:0,n?.last_seq||0);a>0&&(ma[e]||0)<a&&(ma[e]=a,we({type:"read",conversation_id:e,seq:a}).catch(()=>b.markRead(e,a)).catch(()=>{ma[e]=0})),Pt[e]=(Pt[e]||0)+1,ie.value[e]&&(ie.value={...ie.value,[e]:0})}function Ta(e){let t=e.conversation_id;Q.value[t]&&(Q.value={...Q.value,[t]:gn(Q.value[t],[e])}),ce.value={...ce.value,[t]:e}}function Bi(e){let t=e.message,n=e.conversation_id,a=B.value[n],i=a&&t.seq>a.last_seq,s=t.sender?.type==="agent"&&t.sender.id===pe.value;if(Ue(()=>{Q.value[n]&&(Q.value={...Q.value,[n]:gn(Q.value[n],[t])});let r=ce.value[n];if((!r||r.seq<=t.seq)&&(ce.value={...ce.value,[n]:t}),i&&(B.value={...B.value,[n]:{...a,last_seq:t.seq,updated_at:t.created_at>a.updated_at?t.created_at:a.updated_at}}),t.sender?.type==="contact"){let l={...ke.value};delete l[n],ke.value=l}}),a&&t.sender?.type==="contact"&&Jo(a.contact_id)&&ve(a.contact_id,!0),!(!i||s||t.kind==="event")){if(Ca(n)){Ut(n);return}ie.value={...ie.value,[n]:(ie.value[n]||0)+1},hn([n]),a.status==="assigned"&&a.assignee_id===pe.value&&t.sender?.type==="contact"&&sn(`New message from ${se(a.contact_id)}`,t.body||"Sent a file",`/console/mine/${n}`)}}function Fo(e,t){let n=B.value[e.id];he(e);let a=de.value[e.id];a&&(e.status!=="pending"||e.queue_id&&e.queue_id!==a.queue_id)&&Ot(e.id),ve(e.contact_id,Jo(e.contact_id)),ka(e)&&!No(e.id)&&(Go(e),hn([e.id])),t==="conversation.queued"&&(!n||n.status!=="pending")&&sn("New conversation waiting",`${se(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}mt(e=>{switch(e.type){case"message":e.message&&Bi(e);break;case"message.updated":case"message.deleted":e.message&&Ta(e.message);break;case"conversation":e.conversation&&Fo(e.conversation,e.event),e.offer&&Uo(e.offer,e.event);break;case"event":e.event?.type==="conversation.escalation_overdue"&&Ui(e.event.payload?.conversation),e.event?.payload?.conversation&&Fo(e.event.payload.conversation,e.event.type),e.event?.payload?.offer&&Uo(e.event.payload.offer,e.event.type);break;case"subscribed":if(e.conversation){let t=B.value[e.conversation.id]?.last_seq||0;he(e.conversation),e.conversation.last_seq>t&&!Ca(e.conversation.id)&&hn([e.conversation.id])}break;case"ready":Fi();break;case"typing":(e.by?.type==="contact"||e.by?.id!==pe.value)&&(ke.value={...ke.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(ht.value={...ht.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&Ce.value&&Ut(Ce.value)});async function Aa(){try{let e=await I("/api/v1/me");if(e.kind!=="agent"){ee.value=null;return}ee.value=e}catch{ee.value=null}finally{ya.value=!0}}var zt=A(null),ha=null;function Zo(){zt.value||ha||(ha=b.canned().then(e=>{zt.value=e.items||[]},()=>{zt.value=[]}).finally(()=>{ha=null}))}var Fe=A(null),ga=null;function vn(e=!1){Fe.value&&!e||ga||(ga=b.labels().then(t=>{Fe.value=t.items||[]},()=>{Fe.value||(Fe.value=[])}).finally(()=>{ga=null}))}var P="/console",yn=A(location.pathname),at=ne(()=>{let e=yn.value.slice(P.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="visitors"?{section:"visitors"}:e[0]==="admin"?{section:"admin",page:e[1]||"agents",id:e[2]||""}:e[0]==="reports"?{section:"reports"}:e[0]==="search"?{section:"search",q:e[1]||"",conversation:e[2]||"",seq:Number(e[3])||0}:{section:"inbox",list:["queue","mine","open","snoozed","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function j(e,{replace:t=!1}={}){e!==yn.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),yn.value=e)}var ue=(e,t)=>`${P}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{yn.value=location.pathname});window.addEventListener("parley:navigate",e=>j(e.detail));var Ia=(e,t,n)=>`${P}/search/${encodeURIComponent(e)}${t?"/"+encodeURIComponent(t)+(n?"/"+n:""):""}`;var Te=A({}),vt=ne(()=>Te.value.product_name||"Parley");async function Xo(){try{Te.value=await I("/api/v1/branding")}catch{}}Re(()=>{let e=Te.value;document.title=`${vt.value} console`;let t=document.documentElement.style;e.color?(t.setProperty("--accent",e.color),t.setProperty("--accent-hover",e.color)):(t.removeProperty("--accent"),t.removeProperty("--accent-hover"))});var G=e=>({size:t=18}={})=>o`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,$n=G(o`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),xn=G(o`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),yt=G(o`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),_n=G(o`<path d="M20 6 9 17l-5-5"/>`),wn=G(o`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),Ea=G(o`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Wt=G(o`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),Na=G(o`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),es=G(o`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),kn=G(o`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),$t=G(o`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),ts=G(o`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),ns=G(o`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),Cn=G(o`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),as=G(o`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),xt=G(o`<path d="M18 6 6 18M6 6l12 12"/>`),$e=G(o`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),os=G(o`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),Sn=G(o`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`),Tn=G(o`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),An=()=>o`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function In(){let e=Te.value.logo_url;return o`${e?o`<img class="brand-logo" src=${e} alt="" data-brand-logo />`:o`<${An} />`}<span data-product-name>${vt.value}</span>`}var Vi={oidc_state:"That sign-in expired or was started in another browser. Please try again.",oidc_unavailable:"The identity provider cannot be reached. Try again later.",oidc_id_token:"The identity provider’s answer could not be verified. Ask an administrator.",oidc_off:"Single sign-on is not set up for this workspace.",oidc_provider_error:"The identity provider did not sign you in.",no_account:"You have no account in this workspace yet. Ask an administrator to create yours.",no_role:"Your identity gives you no role in this workspace. Ask an administrator.",identity_invalid:"Your identity has no email address Parley can use, or is linked to another account.",unauthorized:"Your account cannot sign in. It may be disabled.",rate_limited:"Too many sign-ins from your address. Try again later."},qa=null;function ss(e){qa=e}function is({onLoggedIn:e}){let t=new URLSearchParams(location.search),[n,a]=h(""),[i,s]=h(""),[r,l]=h(t.get("workspace")||""),[p,m]=h(!!t.get("workspace")),[c,f]=h(()=>{let $=t.get("signin_error");return $?Vi[$]||"Single sign-on failed. Please try again.":""}),[d,u]=h(!1),[g,y]=h(null),[v]=h(()=>{let $=qa;return qa=null,$});x(()=>{let $=r.trim(),R=setTimeout(()=>{I("/api/v1/auth/options",$?{workspace:$}:void 0).then(te=>{y(te),Te.value=te.branding||{}}).catch(()=>y({password:"local",oidc:{}}))},$?300:0);return()=>clearTimeout(R)},[r]);async function w($){$.preventDefault(),u(!0),f("");try{await So(n.trim(),i,r.trim()),await e()}catch(R){f(R.status===401?"The email or password is not right.":R.message),u(!1)}}let k=Te.value,T=g?.password!=="off",E=g?.oidc?.enabled;return o`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${w} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${In} /></div>
        <h1 id="login-title">${k.sign_in_title||`Sign in to ${vt.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${v&&o`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${vt.value}.
          ${v.endSessionURL&&o` <a href=${v.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${c&&o`<div class="form-error" role="alert" id="login-error">${c}</div>`}
        ${E&&o`
          <a class="button primary block sso-button" id="sso-button" href=${g.oidc.start_url}>${g.oidc.button_label}</a>
          ${T&&o`<div class="login-or" aria-hidden="true"><span>or</span></div>`}`}
        ${T&&o`
          <label class="field">
            <span>Email</span>
            <input type="email" name="email" autocomplete="username" required autofocus
              value=${n} onInput=${$=>a($.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password</span>
            <input type="password" name="password" autocomplete="current-password" required
              value=${i} onInput=${$=>s($.currentTarget.value)} />
          </label>`}
        ${p?o`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${r} placeholder="default"
              onInput=${$=>l($.currentTarget.value)} />
          </label>`:o`
          <button type="button" class="link-button" onClick=${()=>m(!0)}>Sign in to another workspace</button>`}
        ${T&&o`
          <button type="submit" class=${"button block"+(E?"":" primary")} disabled=${d||!n||!i}>
            ${d?"Signing in…":"Sign in"}
          </button>`}
        ${g&&!T&&!E&&o`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`}var Ki=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],Yi=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function z(e,t=Date.now()){if(!e)return"";let n=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(n)<45)return"now";for(let[a,i]of Ki)if(Math.abs(n)>=i||a==="minute")return Yi.format(Math.round(n/i),a);return""}function Ra(e){let t=new Date(e),n=new Date,a={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==n.toDateString()&&Object.assign(a,{month:"short",day:"numeric"}),t.toLocaleString(void 0,a)}var J=e=>e?new Date(e).toLocaleString():"";function En(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function rs(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function ls(e){let t=0;for(let n of e||"")t=(t*31+n.charCodeAt(0))%360;return t}function _t(e=3e4){let[t,n]=h(Date.now());return x(()=>{let a=setInterval(()=>n(Date.now()),e);return()=>clearInterval(a)},[e]),t}function Ae({id:e,name:t,size:n="md",url:a}){return a?o`<img class=${`avatar avatar-${n} avatar-img`} src=${a} alt="" referrerpolicy="no-referrer" />`:o`<span class=${`avatar avatar-${n} av-${ls(e)%8}`} aria-hidden="true">${rs(t)}</span>`}var Ft={queue:"Queue",mine:"Mine",open:"All open",snoozed:"Snoozed",resolved:"Resolved"};var Qi={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",$n],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",xn],open:["No open conversations","Every conversation is resolved. Nice work.",yt],snoozed:["Nothing snoozed","Snoozed conversations wait here until their time comes or the visitor writes.",Sn],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",_n]};function cs({list:e,items:t,loading:n,selected:a}){_t();let[i,s,r]=Qi[e],l=Bo(e);return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${Ft[e]}</h1>
        <span class="muted small" aria-live="polite">${n?"":`${t.length}${l?"+":""} conversation${t.length===1&&!l?"":"s"}`}</span>
      </header>
      <${Ji} />
      ${n&&!t.length?o`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(p=>o`<li key=${p} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?o`
        <ul class="conv-list" aria-label=${Ft[e]+" conversations"}>
          ${t.map(p=>o`<${Xi} key=${p.id} c=${p} list=${e} selected=${p.id===a} />`)}
          ${l&&o`<${Zi} list=${e} count=${t.length} />`}
        </ul>`:o`
        <div class="empty small-empty">
          <div class="empty-icon"><${r} size=${22} /></div>
          <h2>${i}</h2>
          <p class="muted">${s}</p>
        </div>`}
    </section>`}var Gi={0:"None",1:"Low",2:"High",3:"Urgent"};function Ji(){x(()=>{vn()},[]);let e=Fe.value||[];return o`
    <div class="list-filter">
      ${(e.length>0||Se.value)&&o`
        <label for="label-filter" class="muted small">Label</label>
        <select id="label-filter" class="select small" value=${Se.value}
          onChange=${t=>{Se.value=t.currentTarget.value}}>
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
    </div>`}function Zi({list:e,count:t}){let n=Z(null),a=!!oe.value[e]?.loading;return x(()=>{let i=n.current;if(!i||a||typeof IntersectionObserver>"u")return;let s=new IntersectionObserver(r=>{r.some(l=>l.isIntersecting)&&Xe(e)},{rootMargin:"400px 0px"});return s.observe(i),()=>s.disconnect()},[e,t,a]),o`
    <li class="conv-more" ref=${n}>
      <button type="button" class="button ghost small block" onClick=${()=>Xe(e)} disabled=${a}
        aria-busy=${a?"true":void 0}>${a?"Loading…":"Load more conversations"}</button>
    </li>`}function Xi({c:e,list:t,selected:n}){ve(e.contact_id);let a=se(e.contact_id),i=ce.value[e.id],s=ie.value[e.id]||0,r=ke.value[e.id]&&Date.now()-ke.value[e.id].at<5e3&&ke.value[e.id].by?.type==="contact",l="No messages yet";r?l="typing…":i&&(l=(i.sender?.type==="contact"?"":i.kind==="note"?"Note: ":"You: ")+(i.deleted_at?"Message deleted":i.body||(i.attachments?.length?`📎 ${i.attachments[0].name}`:"")));let p=ue(t,e.id),m=[ye(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+He(e.assignee_id):""].filter(Boolean).join(" · "),c=e.priority>=2&&(Gi[e.priority]||"Priority "+e.priority);return o`
    <li>
      <a href=${p} class=${"conv-item"+(n?" selected":"")+(s?" has-unread":"")}
        aria-current=${n?"true":void 0} data-conversation=${e.id}
        onClick=${f=>{!f.metaKey&&!f.ctrlKey&&(f.preventDefault(),j(p))}}>
        <${Ae} id=${e.contact_id} name=${a} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${a}</span>
            <time class="conv-time" datetime=${e.updated_at}>${z(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(r?" typing":"")}>${l}</span>
            ${s>0&&o`<span class="badge badge-accent unread-badge" aria-label=${s+" unread"}>${s}</span>`}
          </span>
          ${(m||c)&&o`<span class="conv-meta">${c&&o`<span class=${"prio prio-"+e.priority}>${c}</span> `}${m}</span>`}
        </span>
      </a>
    </li>`}var ds=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function ps({conv:e}){let[t,n]=h("reply"),[a,i]=h(""),[s,r]=h([]),[l,p]=h(0),[m,c]=h(!1),f=Z(null),d=Z(null),u=Z(0),g=Z(ds()),[y,v]=h(0),[w,k]=h(0),[T,E]=h("");if(x(()=>{let S=O=>{(O.detail==="reply"||O.detail==="note")&&(n(O.detail),f.current?.focus())};return window.addEventListener("parley:command",S),()=>window.removeEventListener("parley:command",S)},[]),e.status==="resolved")return o`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let $=t==="note",R=/(^|\s)\/([a-z0-9_-]*)$/.exec(a.slice(0,y)),te=R?R[2]:null;te!==null&&Zo();let V=te===null||T===a?[]:(zt.value||[]).filter(S=>S.shortcut.startsWith(te)||S.title.toLowerCase().includes(te)).slice(0,8),Ne=V.length>0,ae=Math.min(w,V.length-1);async function q(S){let O=y-te.length-1,re=S.body;try{re=(await b.renderCanned(S.id,e.id)).text}catch(wt){_(wt,"Could not fill in the canned response")}let Un=a.slice(0,O)+re+a.slice(y);i(Un);let Wn=O+re.length;v(Wn),k(0),requestAnimationFrame(()=>{let wt=f.current;wt&&(wt.focus(),wt.setSelectionRange(Wn,Wn))})}let L=!m&&l===0&&(a.trim()||!$&&s.length);async function K(){if(!L)return;c(!0);let S={client_id:g.current,body:a.trim()};$?S.kind="note":s.length&&(S.kind="attachment",S.attachment_ids=s.map(O=>O.id));try{let O=await b.send(e.id,S);Ta(O),i(""),r([]),g.current=ds(),Ut(e.id),f.current?.focus()}catch(O){_(O,$?"The note was not saved":"The message was not sent")}finally{c(!1)}}async function ge(S){for(let O of S){p(re=>re+1);try{let re=await b.upload(e.id,O);r(Un=>[...Un,re])}catch(re){_(re,`Could not upload ${O.name}`)}finally{p(re=>re-1)}}}function st(S){i(S.currentTarget.value),v(S.currentTarget.selectionStart),k(0);let O=Date.now();O-u.current>1500&&(u.current=O,qo(e.id,$))}function fi(S){if(Ne&&!S.isComposing){let O={ArrowDown:1,ArrowUp:-1};if(O[S.key]){S.preventDefault(),k((ae+O[S.key]+V.length)%V.length);return}if(S.key==="Enter"||S.key==="Tab"){S.preventDefault(),q(V[ae]);return}if(S.key==="Escape"){S.preventDefault(),S.stopPropagation(),E(a);return}}S.key==="Enter"&&!S.shiftKey&&!S.isComposing&&(S.preventDefault(),K())}return o`
    <form class=${"composer"+($?" composer-note":"")} onSubmit=${S=>{S.preventDefault(),K()}}
      aria-label=${$?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&o`
        <div class="composer-hint">This conversation is waiting in the queue.${" "}<button type="button" class="link-button"
          onClick=${()=>Nn(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+($?"":" active")} aria-pressed=${!$} onClick=${()=>{n("reply"),f.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+($?" active":"")} aria-pressed=${$} onClick=${()=>{n("note"),f.current?.focus()}}
          aria-keyshortcuts="n"><${$t} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${$?"Private note, only agents see it":"Reply"}</label>
      ${Ne&&o`
        <ul class="canned-list" id="canned-list" role="listbox" aria-label="Canned responses">
          ${V.map((S,O)=>o`
            <li id=${"canned-"+S.id} role="option" aria-selected=${O===ae?"true":"false"} data-shortcut=${S.shortcut}
              class=${"canned-option"+(O===ae?" active":"")}
              onMouseDown=${re=>{re.preventDefault(),q(S)}}>
              <span class="canned-shortcut">/${S.shortcut}</span> <span class="canned-title">${S.title}</span>
              <span class="canned-body muted">${S.body}</span>
            </li>`)}
        </ul>`}
      <textarea id="composer-text" ref=${f} rows="3" value=${a} onInput=${st} onKeyDown=${fi}
        onKeyUp=${S=>v(S.currentTarget.selectionStart)} onClick=${S=>v(S.currentTarget.selectionStart)}
        aria-autocomplete="list" aria-controls=${Ne?"canned-list":void 0}
        aria-activedescendant=${Ne?"canned-"+V[ae].id:void 0}
        aria-describedby="composer-canned-tip"
        placeholder=${$?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      <span id="composer-canned-tip" class="sr-only">Type / and a shortcut to insert a canned response.</span>
      ${(s.length>0||l>0)&&o`
        <ul class="staged" aria-label="Files to send">
          ${s.map(S=>o`<li class="chip">${S.name} <span class="muted">${En(S.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+S.name}
              onClick=${()=>r(s.filter(O=>O.id!==S.id))}><${xt} size=${14} /></button></li>`)}
          ${l>0&&o`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${d} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${S=>{ge([...S.currentTarget.files]),S.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${$}
          title=${$?"Notes cannot carry files":"Attach a file"} onClick=${()=>d.current?.click()}><${es} /></button>
        <span class="muted small composer-tip">${$?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+($?"note":"primary")} disabled=${!L}>
          <${kn} size=${16} /> ${$?"Add note":"Send"}
        </button>
      </div>
    </form>`}function us({conv:e}){let[t,n]=h(null),a=e.status==="resolved";return x(()=>{if(n(null),!a)return;let i=!0;I(`/api/v1/conversations/${encodeURIComponent(e.id)}/rating`).then(r=>i&&r.rated&&n(r),()=>{});let s=mt(r=>{r.type==="event"&&r.event?.type==="conversation.rated"&&r.event.payload?.rating?.conversation_id===e.id&&n(r.event.payload.rating)});return()=>{i=!1,s()}},[e.id,a]),t?o`
    <div class="csat" data-score=${t.score}>
      <span class="csat-score" aria-label=${`Rated ${t.score} out of 5 by the visitor`} title="The visitor's rating">
        <span aria-hidden="true">${"★".repeat(t.score)}${"☆".repeat(5-t.score)}</span> ${t.score}/5</span>
      ${t.comment&&o`<q class="csat-comment">${t.comment}</q>`}
    </div>`:null}function fs({conv:e}){x(Mt,[]);let t=tt.value?.queues?.find(n=>n.id===e.queue_id);return!e.tier||!t?.tiers?.length?null:o`
    <span class="badge tier-badge" data-tier=${e.tier}>Tier ${e.tier} of ${t.tiers.length}</span>
    ${e.escalation_overdue_at&&o`<span class="badge overdue-badge" data-overdue="true">Overdue</span>`}`}function ms({conv:e}){x(Mt,[]);let[t,n]=h(!1),[a,i]=h(""),[s,r]=h(!1),l=tt.value?.queues?.find(m=>m.id===e.queue_id);if(!e.tier||!l?.tiers||e.tier>=l.tiers.length)return null;async function p(m){m.preventDefault(),r(!0);try{let c=await b.escalate(e.id,a.trim());he(c),C(`Escalated to tier ${c.tier}.`,"success"),n(!1),i("")}catch(c){_(c,"Could not escalate it")}finally{r(!1)}}return t?o`
    <form class="escalate-form" onSubmit=${p} aria-label="Escalate to the next tier">
      <input class="input small" name="reason" maxlength="500" value=${a} placeholder="Why? (seen by staff)"
        aria-label="Reason for escalating" onInput=${m=>i(m.currentTarget.value)} />
      <button type="submit" class="button primary small" disabled=${s}>Escalate to tier ${e.tier+1}</button>
      <button type="button" class="button ghost small" onClick=${()=>n(!1)}>Cancel</button>
    </form>`:o`<button type="button" class="button" onClick=${()=>n(!0)}>Escalate</button>`}var er={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function Rn({conv:e,list:t,target:n=0}){let a=se(e.contact_id);return ar(e),o`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${a}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${er[e.status]}</span>
            ${e.assignee_id&&o`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${He(e.assignee_id)}</span>`}
            ${ye(e.inbox_id)&&o`<span class="muted small">· ${ye(e.inbox_id)}</span>`}
            ${Ze(e)&&o`<span class="badge snoozed-badge" data-snoozed="true">${e.snoozed_until_reply?"Snoozed until the visitor writes":`Snoozed until ${J(e.snoozed_until)}`}</span>`}
            <${fs} conv=${e} />
          </div>
          <${pr} conv=${e} />
          <${us} conv=${e} />
        </div>
        <${sr} conv=${e} />
      </header>
      <${ir} conv=${e} target=${n} />
      <${dr} id=${e.id} name=${a} />
      <${ps} conv=${e} />
    </div>`}async function Ie(e,t){try{let n=await t();return n&&he(n),n}catch(n){return n.status===409?_(n,`Could not ${e}, the conversation changed meanwhile`):_(n,`Could not ${e}`),null}}var Nn=e=>Ie("take it",()=>b.assign(e.id)).then(t=>t&&C("You took the conversation.","success")),gs=e=>Ie("resolve it",()=>b.resolve(e.id)).then(t=>t&&C("Conversation resolved.","success")),tr=e=>Ie("reopen it",()=>b.reopen(e.id)).then(t=>t&&C("Conversation reopened.","success"));function nr(e,t){let n;return t==="1h"||t==="4h"?n=new Date(Date.now()+parseInt(t,10)*36e5):t==="tomorrow"&&(n=new Date,n.setDate(n.getDate()+1),n.setHours(9,0,0,0)),Ie("snooze it",()=>b.snooze(e.id,n?n.toISOString():void 0)).then(a=>a&&C(t==="reply"?"Snoozed until the visitor writes.":`Snoozed until ${J(a.snoozed_until)}.`,"success"))}function ar(e){x(()=>{let t=n=>{n.detail==="take"&&e.status==="pending"&&Nn(e),n.detail==="resolve"&&e.status!=="resolved"&&gs(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function or({conv:e}){x(Mt,[]);let t=tt.value,n=(t?.queues||[]).filter(s=>s.id!==e.queue_id),a=t?.teams||[];if(!n.length&&!a.length)return null;function i(s){let[r,l]=[s.slice(0,2),s.slice(2)],p=r==="q:"?n.find(m=>m.id===l)?.name:a.find(m=>m.id===l)?.name;Ie("move it",()=>b.moveToQueue(e.id,r==="q:"?{queue_id:l}:{team_id:l})).then(m=>m&&C(r==="q:"?`Moved to the queue ${p}.`:`Moved to the team ${p}.`,"success"))}return o`
    <select class="select small" aria-label="Transfer to a queue or team" value=""
      onChange=${s=>{let r=s.currentTarget.value;s.currentTarget.value="",r&&i(r)}}>
      <option value="">To a queue or team…</option>
      ${n.length>0&&o`<optgroup label="Queues">${n.map(s=>o`<option value=${"q:"+s.id}>${s.name}</option>`)}</optgroup>`}
      ${a.length>0&&o`<optgroup label="Teams">${a.map(s=>o`<option value=${"t:"+s.id}>${s.name}</option>`)}</optgroup>`}
    </select>`}function sr({conv:e}){let t=pe.value,n=fe.value==="admin"||fe.value==="supervisor",a=me.value.filter(s=>!s.disabled&&!s.bot&&s.id!==e.assignee_id),i=(s,r)=>o`
    <select class="select small" aria-label=${s} value=""
      onChange=${l=>{let p=l.currentTarget.value;l.currentTarget.value="",p&&r(p)}}>
      <option value="">${s}…</option>
      ${a.map(l=>o`<option value=${l.id}>${l.name}${l.id===t?" (you)":""}</option>`)}
    </select>`;return o`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&o`
        <button type="button" class="button primary" onClick=${()=>Nn(e)} aria-keyshortcuts="t">Take</button>
        ${n&&i("Assign to",s=>Ie("assign it",()=>b.assign(e.id,s)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||n)&&o`
        ${i("Transfer to",s=>Ie("transfer it",()=>b.transfer(e.id,e.assignee_id,s)).then(r=>r&&C(`Transferred to ${He(s)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Ie("put it back",()=>b.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${(e.status==="pending"||e.status==="assigned"&&(e.assignee_id===t||n))&&o`<${or} conv=${e} />
        <${ms} conv=${e} />`}
      ${e.status!=="resolved"&&(e.status!=="assigned"||e.assignee_id===t||n)&&o`
        <select class="select small" aria-label="Priority" value=${String(e.priority||0)}
          onChange=${s=>{let r=s.currentTarget.value;Ie("set the priority",()=>b.setPriority(e.id,r))}}>
          ${(e.priority>3?[[e.priority,"Priority "+e.priority]]:[]).concat([[0,"No priority"],[1,"Low"],[2,"High"],[3,"Urgent"]]).map(([s,r])=>o`<option value=${String(s)}>${r}</option>`)}
        </select>
        ${Ze(e)?o`<button type="button" class="button" onClick=${()=>Ie("unsnooze it",()=>b.unsnooze(e.id))}>Unsnooze</button>`:o`
            <select class="select small" aria-label="Snooze" value=""
              onChange=${s=>{let r=s.currentTarget.value;s.currentTarget.value="",r&&nr(e,r)}}>
              <option value="">Snooze…</option>
              <option value="reply">Until the visitor writes</option>
              <option value="1h">For an hour</option>
              <option value="4h">For 4 hours</option>
              <option value="tomorrow">Until tomorrow, 9:00</option>
            </select>`}`}
      ${e.status!=="resolved"?o`<button type="button" class="button success" onClick=${()=>gs(e)} aria-keyshortcuts="e">Resolve</button>`:o`<button type="button" class="button" onClick=${()=>tr(e)}>Reopen</button>`}
    </div>`}function ir({conv:e,target:t}){let n=Q.value[e.id],a=Z(null),i=Z(!t),s=Z(0),r=n?.length?n[n.length-1].seq:0,l=n?.length?n[0].seq:0;if(uo(()=>{let c=a.current;if(!c)return;let f=t&&s.current!==t&&c.querySelector(`[data-seq="${t}"]`);if(f){s.current=t,i.current=!1,f.scrollIntoView({block:"center"});return}i.current&&(c.scrollTop=c.scrollHeight)},[r,l,e.id,t]),!n)return o`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let p=ht.value[e.id]||0,m=-1;return n.forEach((c,f)=>{c.sender?.type!=="contact"&&c.kind!=="note"&&c.kind!=="event"&&(m=f)}),o`
    <div class="messages" ref=${a} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${c=>{let f=c.currentTarget;i.current=f.scrollHeight-f.scrollTop-f.clientHeight<80}}>
      ${je.value[e.id]&&o`<button type="button" class="button ghost small load-earlier" onClick=${()=>Sa(e.id)}>Load earlier messages</button>`}
      ${!n.length&&o`<p class="muted center">No messages yet.</p>`}
      ${n.map((c,f)=>o`<${cr} key=${c.seq} m=${c} conv=${e} prev=${n[f-1]}
        seen=${f===m&&p>=c.seq} target=${c.seq===t} />`)}
    </div>`}var qn=A(null),hs=!1;function rr(e){return fe.value!=="admin"?"an app":(!qn.value&&!hs&&(hs=!0,b.apps().then(t=>{qn.value=Object.fromEntries(t.map(n=>[n.id,n.name]))}).catch(()=>{qn.value={}})),qn.value?.[e]||"an app")}function lr(e,t){let n=e.sender||{};return n.display_name?n.display_name:n.type==="contact"?se(t.contact_id):n.type==="agent"||n.type==="bot"?n.id===pe.value?"You":me.value.find(a=>a.id===n.id)?.name||"Agent":"System"}function cr({m:e,conv:t,prev:n,seen:a,target:i}){if(e.kind==="event")return o`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${Ra(e.created_at)}</time></div>`;let s=e.sender?.type==="contact",r=e.kind==="note",l=n&&n.kind===e.kind&&n.sender?.type===e.sender?.type&&n.sender?.id===e.sender?.id&&n.sender?.display_name===e.sender?.display_name&&new Date(e.created_at)-new Date(n.created_at)<300*1e3,p=lr(e,t),m=["msg",s?"msg-in":"msg-out",r?"msg-note":"",l?"grouped":"",e.deleted_at?"deleted":"",i?"msg-target":""].filter(Boolean).join(" ");return o`
    <article class=${m} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(r?"Private note by ":"Message from ")+p}
      aria-current=${i?"true":void 0}>
      ${!l&&o`
        <div class="msg-head">
          ${s&&o`<${Ae} id=${t.contact_id} name=${p} size="sm" />`}
          ${e.sender?.avatar_url&&o`<img class="msg-avatar" src=${e.sender.avatar_url} alt=${p} referrerpolicy="no-referrer" width="20" height="20" />`}
          <span class="msg-name">${p}</span>
          ${e.app_id&&o`<span class="msg-via muted small">via ${rr(e.app_id)}</span>`}
          <time datetime=${e.created_at} title=${J(e.created_at)}>${Ra(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${r&&o`<div class="note-label"><${$t} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?o`<p class="msg-body muted">This message was deleted.</p>`:e.body&&o`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&o`
          <ul class="attachments">
            ${e.attachments.map(c=>o`
              <li><a class="attachment" href=${b.attachmentURL(c.id)} download=${c.name}>
                <${as} size=${16} /><span class="attachment-name">${c.name}</span><span class="muted">${En(c.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&o`<span class="muted small">(edited)</span>`}
      </div>
      ${a&&o`<div class="msg-seen">Seen</div>`}
    </article>`}function dr({id:e,name:t}){_t(1e3);let n=ke.value[e],a=n&&Date.now()-n.at<5e3,i="";return a&&(i=n.by?.type==="contact"?`${t} is typing…`:`${He(n.by?.id)||"An agent"} is typing${n.note?" a note":""}…`),o`<div class="typing" aria-live="polite">${a&&o`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${i}`}</div>`}function pr({conv:e}){let[t,n]=h(null),[a,i]=h("");if(x(()=>{vn();let c=!0;return b.conversationLabels(e.id).then(f=>c&&n(f.items||[]),()=>c&&n([])),()=>{c=!1}},[e.id]),t===null)return null;let s=Fe.value||[],r=new Set(t.map(c=>c.id)),l=s.filter(c=>!r.has(c.id)),p=async c=>{let f=s.find(d=>d.id===c);try{await b.addLabel(e.id,c),n(d=>d.some(u=>u.id===c)?d:[...d,f]),_a(e.id,c,!0),i(`Label ${f.name} added.`)}catch(d){_(d,"Could not add the label")}},m=async c=>{try{await b.removeLabel(e.id,c.id),n(f=>f.filter(d=>d.id!==c.id)),_a(e.id,c.id,!1),i(`Label ${c.name} removed.`),document.getElementById("add-label")?.focus()}catch(f){_(f,"Could not remove the label")}};return o`
    <div class="conv-labels" role="group" aria-label="Labels">
      ${t.length>0&&o`
        <ul class="label-chips" aria-label="Labels of this conversation">
          ${t.map(c=>o`
            <li class="label-chip" data-label=${c.name}>
              <span class="label-dot" style=${{background:c.color}} aria-hidden="true"></span>${c.name}
              <button type="button" class="icon-button label-remove" aria-label=${"Remove label "+c.name}
                onClick=${()=>m(c)}><${xt} size=${12} /></button>
            </li>`)}
        </ul>`}
      ${l.length>0&&o`
        <select id="add-label" class="select small" aria-label="Add a label" aria-keyshortcuts="l" value=""
          onChange=${c=>{let f=c.currentTarget.value;c.currentTarget.value="",f&&p(f)}}>
          <option value="">Add label…</option>
          ${l.map(c=>o`<option value=${c.id}>${c.name}</option>`)}
        </select>`}
      <span class="sr-only" role="status">${a}</span>
    </div>`}var Da=864e5;function bs(e){return e.toISOString().slice(0,10)}function ur(){let e=new Date;return{from:bs(new Date(e.getTime()-6*Da)),to:bs(e)}}function fr(e){let t=new Date(Date.parse(e.to+"T00:00:00Z")+Da);return{start:e.from+"T00:00:00Z",end:t.toISOString().replace(".000Z","Z")}}function vs({conv:e}){let[t,n]=h(ur),[a,i]=h(null),[s,r]=h({}),[l,p]=h("");return x(()=>{let c=!0;return i(null),r({}),p(""),b.contextEndpoints().then(f=>c&&i(f.filter(d=>!d.inbox_id||d.inbox_id===e.inbox_id))).catch(()=>c&&i("all")),()=>{c=!1}},[e.id]),x(()=>{if(!a)return;let c=!0,f=fr(t),d=u=>c&&r(g=>{let y={...g};for(let v of u)y[v.endpoint_id]=v;return y});if(a==="all")b.context(e.id,f).then(u=>d(u.items)).catch(u=>c&&p(u.message));else for(let u of a)b.context(e.id,{...f,endpoint_id:u.id}).then(g=>d(g.items)).catch(g=>d([{endpoint_id:u.id,title:u.title,statistics:u.statistics,entries:[],error:{reason:"",message:g.message}}]));return()=>{c=!1}},[e.id,a,t.from,t.to]),a===null?o`<div class="spinner small" role="status" aria-label="Loading customer data"></div>`:l?o`<p class="muted small">Customer data is not available: ${l}</p>`:(a==="all"?Object.values(s):a.map(c=>s[c.id]||{endpoint_id:c.id,title:c.title,statistics:c.statistics,loading:!0})).map(c=>o`<${mr} key=${c.endpoint_id} item=${c} range=${t} setRange=${n} />`)}function mr({item:e,range:t,setRange:n}){let a="ctx-"+e.endpoint_id;return o`
    <section class="panel-section ctx-section" aria-labelledby=${a} data-context-endpoint=${e.endpoint_id}>
      <h3 id=${a}>${e.title}</h3>
      ${e.statistics&&o`<${vr} id=${e.endpoint_id} range=${t} setRange=${n} />`}
      ${e.loading?o`<div class="spinner small" role="status" aria-label=${"Loading "+e.title}></div>`:e.error?o`<p class="ctx-error" data-reason=${e.error.reason}>${e.error.message}</p>`:e.entries.length===0?o`<p class="muted small">Nothing to show.</p>`:hr(e.entries).map((i,s)=>o`<${gr} key=${s} group=${i} id=${a+"-"+s} />`)}
    </section>`}function hr(e){let t=[];for(let n of e){let a=t[t.length-1];n.type==="text"&&a?.type==="text"?a.rows.push(n):t.push(n.type==="text"?{type:"text",rows:[n]}:n)}return t}function gr({group:e,id:t}){switch(e.type){case"text":return o`<dl class="props">${e.rows.map(n=>o`<dt>${n.label}</dt><dd>${n.text}</dd>`)}</dl>`;case"links":{let n=e.links||[];return o`<div class="ctx-block">
        <h4 id=${t}>${e.label}</h4>
        ${n.length===0?o`<p class="muted small">None.</p>`:o`
          <ul class="ctx-links" aria-labelledby=${t}>
            ${n.map(a=>o`<li><a href=${a.url} target="_blank" rel="noopener noreferrer">${a.label}</a></li>`)}
          </ul>`}
      </div>`}case"series":return o`<${br} label=${e.label} points=${e.points||[]} id=${t} />`}return null}var Dn=new Intl.NumberFormat(void 0,{maximumFractionDigits:2});function br({label:e,points:t,id:n}){let r=t.map(g=>g.y),l=Math.max(0,...r),p=Math.min(0,...r),m=l-p||1,c=g=>2+80*(l-g)/m,f=t.length?260/t.length:260,d=Math.max(1,f*.7),u=t.length===0?`${e}: no data`:`${e}: ${t.length} values from ${t[0].x} to ${t[t.length-1].x}, lowest ${Dn.format(Math.min(...r))}, highest ${Dn.format(Math.max(...r))}`;return o`<figure class="ctx-chart">
    <figcaption id=${n}>${e}</figcaption>
    <svg viewBox=${"0 0 260 84"} width="100%" height=${84} role="img" aria-label=${u} preserveAspectRatio="none">
      <line x1="0" x2=${260} y1=${c(0)} y2=${c(0)} class="ctx-axis" />
      ${t.map((g,y)=>o`<rect x=${y*f+(f-d)/2} width=${d}
        y=${Math.min(c(g.y),c(0))} height=${Math.max(1,Math.abs(c(g.y)-c(0)))} class="ctx-bar"><title>${g.x}: ${Dn.format(g.y)}</title></rect>`)}
    </svg>
    <details>
      <summary>Show numbers</summary>
      <table class="ctx-table" aria-labelledby=${n}>
        <thead><tr><th scope="col">When</th><th scope="col">Value</th></tr></thead>
        <tbody>${t.map(g=>o`<tr><td>${g.x}</td><td>${Dn.format(g.y)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`}function vr({id:e,range:t,setRange:n}){let[a,i]=h(t.from),[s,r]=h(t.to),[l,p]=h("");return x(()=>{i(t.from),r(t.to)},[t.from,t.to]),o`<form class="ctx-range" onSubmit=${c=>{if(c.preventDefault(),!a||!s)return p("Choose both days.");if(a>s)return p("The first day must not be after the last.");if(Date.parse(s)-Date.parse(a)>365*Da)return p("Choose at most a year.");p(""),n({from:a,to:s})}} aria-label="Date range">
    <label for=${"from-"+e}>From</label>
    <input id=${"from-"+e} type="date" value=${a} max=${s} onInput=${c=>i(c.target.value)} />
    <label for=${"to-"+e}>To</label>
    <input id=${"to-"+e} type="date" value=${s} min=${a} onInput=${c=>r(c.target.value)} />
    <button class="button small" type="submit">Show</button>
    ${l&&o`<p class="ctx-error" role="alert">${l}</p>`}
  </form>`}function ys(){let[e,t]=h(!0),[n,a]=h(!1),i=()=>b.agents().then(r=>{me.value=r}).catch(r=>_(r,"Could not load agents")).finally(()=>t(!1));x(()=>{i()},[]);async function s(r){if(!(!r.disabled&&!confirm(`Disable ${r.name}? They are signed out and cannot sign in until enabled again.`)))try{await b.updateAgent(r.id,{disabled:!r.disabled}),C(`${r.name} is ${r.disabled?"enabled":"disabled"}.`,"success"),i()}catch(l){_(l)}}return o`
    <${M} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>Add agent</button>
    <//>
    ${n&&o`<${yr} onDone=${()=>{a(!1),i()}} />`}
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
                <td class="muted">${z(r.created_at)}</td>
                <td class="right">${r.id!==pe.value&&o`<button type="button" class="button small ghost" onClick=${()=>s(r)}>${r.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function yr({onDone:e}){let[t,n]=h({name:"",email:"",role:"agent",password:"",avatar_url:"",capacity:"0"}),[a,i]=h(null),[s,r]=h(!1),l=m=>c=>n({...t,[m]:c.currentTarget.value});async function p(m){m.preventDefault(),r(!0);try{await b.createAgent({...t,capacity:Number(t.capacity)||0}),C(`${t.name} can now sign in.`,"success"),e()}catch(c){i(c)}finally{r(!1)}}return o`
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
      <div class="form-actions"><button type="submit" class="button primary" disabled=${s}>Create agent</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}var Pa={en:{open:"Open chat",close:"Close chat",unread:e=>e+(e===1?" unread message":" unread messages"),online:"We usually reply in a few minutes",offline:"We are away right now.",placeholder:"Write a message…",send:"Send",attach:"Attach a file",typing:"Support is typing…",seen:"Seen",sending:"Sending…",failed:"Not sent yet",connecting:"Connecting…",reconnecting:"Connection lost. Reconnecting…",conversations:"Your conversations",newConversation:"New conversation",back:"Back to your conversations",noConversations:"No conversations yet.",you:"You",agent:"Support",resolved:"Resolved",start:"Start the conversation",prechatIntro:"Tell us who you are, so that we can get back to you.",name:"Name",email:"Email",fileTooLarge:"This file is too large.",fileType:"This type of file is not accepted.",error:"Something went wrong. Please try again.",download:"Download",rateAsk:"How was this conversation?",rateScore:e=>e+" of 5",rateComment:"Anything to add? (optional)",rateSend:"Send rating",rateSkip:"Skip",rateThanks:"Thank you for your rating!",queuePosition:e=>"You are number "+e+" in line",queueWait:e=>"Expected wait: "+(e<60?"under a minute":"about "+Math.round(e/60)+" min"),withAgent:e=>"You are chatting with "+e,leave:"Leave a message and we will get back to you.",leavePlaceholder:"Your message…"},de:{open:"Chat öffnen",close:"Chat schließen",unread:e=>e+(e===1?" ungelesene Nachricht":" ungelesene Nachrichten"),online:"Wir antworten meist in wenigen Minuten",offline:"Wir sind gerade nicht da.",placeholder:"Nachricht schreiben…",send:"Senden",attach:"Datei anhängen",typing:"Der Support schreibt…",seen:"Gelesen",sending:"Wird gesendet…",failed:"Noch nicht gesendet",connecting:"Verbinde…",reconnecting:"Verbindung unterbrochen. Verbinde neu…",conversations:"Ihre Unterhaltungen",newConversation:"Neue Unterhaltung",back:"Zurück zu Ihren Unterhaltungen",noConversations:"Noch keine Unterhaltungen.",you:"Sie",agent:"Support",resolved:"Erledigt",start:"Unterhaltung beginnen",prechatIntro:"Sagen Sie uns, wer Sie sind, damit wir antworten können.",name:"Name",email:"E-Mail",fileTooLarge:"Die Datei ist zu groß.",fileType:"Dieser Dateityp wird nicht angenommen.",error:"Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",download:"Herunterladen",rateAsk:"Wie war diese Unterhaltung?",rateScore:e=>e+" von 5",rateComment:"Möchten Sie etwas ergänzen? (optional)",rateSend:"Bewertung senden",rateSkip:"Überspringen",rateThanks:"Danke für Ihre Bewertung!",queuePosition:e=>"Sie sind Nummer "+e+" in der Warteschlange",queueWait:e=>"Voraussichtliche Wartezeit: "+(e<60?"unter einer Minute":"etwa "+Math.round(e/60)+" Min."),withAgent:e=>"Sie chatten mit "+e,leave:"Hinterlassen Sie eine Nachricht, wir melden uns.",leavePlaceholder:"Ihre Nachricht…"},fr:{open:"Ouvrir le chat",close:"Fermer le chat",unread:e=>e+(e===1?" message non lu":" messages non lus"),online:"Nous répondons en général en quelques minutes",offline:"Nous sommes absents pour le moment.",placeholder:"Écrire un message…",send:"Envoyer",attach:"Joindre un fichier",typing:"Le support écrit…",seen:"Lu",sending:"Envoi…",failed:"Pas encore envoyé",connecting:"Connexion…",reconnecting:"Connexion perdue. Reconnexion…",conversations:"Vos conversations",newConversation:"Nouvelle conversation",back:"Retour à vos conversations",noConversations:"Aucune conversation.",you:"Vous",agent:"Support",resolved:"Résolue",start:"Commencer la conversation",prechatIntro:"Dites-nous qui vous êtes pour que nous puissions vous répondre.",name:"Nom",email:"E-mail",fileTooLarge:"Ce fichier est trop volumineux.",fileType:"Ce type de fichier n'est pas accepté.",error:"Une erreur est survenue. Veuillez réessayer.",download:"Télécharger",rateAsk:"Comment s’est passée cette conversation ?",rateScore:e=>e+" sur 5",rateComment:"Un commentaire ? (facultatif)",rateSend:"Envoyer la note",rateSkip:"Passer",rateThanks:"Merci pour votre note !",queuePosition:e=>"Vous êtes numéro "+e+" dans la file",queueWait:e=>"Attente estimée : "+(e<60?"moins d’une minute":"environ "+Math.round(e/60)+" min"),withAgent:e=>"Vous discutez avec "+e,leave:"Laissez un message, nous vous répondrons.",leavePlaceholder:"Votre message…"}};function $s(e,t=navigator.languages||[navigator.language]){for(let n of[e,...t]){let a=(n||"").toLowerCase().split("-")[0];if(Pa[a])return a}return"en"}var xs=e=>Pa[e]||Pa.en;var Pn=[["","The visitor's browser language"],["en","English"],["de","Deutsch"],["fr","Français"]],_s=[["name","Name"],["email","Email"]],$r=(e={})=>({title:e.title||"",greeting:e.greeting||"",color:e.color||"#2563eb",locale:e.locale||"",position:e.position==="left"?"left":"right",prechat:{enabled:!!e.prechat?.enabled,fields:[...e.prechat?.fields||[]]}});function ws({inbox:e,onSaved:t}){let[n,a]=h(()=>$r(e.widget)),[i,s]=h(null),[r,l]=h(!1),p=u=>`widget-${u}-${e.id}`,m=u=>g=>a({...n,[u]:g.currentTarget.value}),c=(u,g)=>{let y=_s.map(([v])=>v).filter(v=>v===u?g:n.prechat.fields.includes(v));a({...n,prechat:{...n.prechat,fields:y}})},f=Pn.some(([u])=>u===n.locale)?Pn:[...Pn,[n.locale,n.locale]];async function d(u){u.preventDefault(),l(!0);try{await b.updateInbox(e.id,{widget:n}),s(null),C("Widget settings saved.","success"),t()}catch(g){s(g)}finally{l(!1)}}return o`
    <form class="widget-settings" onSubmit=${d} aria-labelledby=${p("title-h")}>
      <h3 id=${p("title-h")}>Widget</h3>
      <${U} error=${i} />
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
            ${n.prechat.enabled&&o`<span class="segmented">${_s.map(([u,g])=>o`<label key=${u} class="check">
              <input type="checkbox" name=${"prechat-"+u} checked=${n.prechat.fields.includes(u)} onChange=${y=>c(u,y.currentTarget.checked)} />${g}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${r}>Save widget</button>
        </div>
        <${_r} inbox=${e} f=${n} />
      </div>
    </form>`}function xr(e){let t=parseInt((e||"").slice(1),16);return isNaN(t)?"#fff":.299*(t>>16)+.587*(t>>8&255)+.114*(t&255)>170?"#111827":"#fff"}function _r({inbox:e,f:t}){let n=xs($s(t.locale)),a={"--w-accent":t.color,"--w-on-accent":xr(t.color)},i=t.prechat.enabled&&t.prechat.fields.length>0;return o`
    <figure class=${"widget-preview pos-"+t.position} style=${a} aria-label="Preview of the widget" data-preview=${e.id}>
      <div class="wp-panel" aria-hidden="true">
        <div class="wp-head">
          <div class="wp-title">${t.title||e.name}</div>
          <div class="wp-sub"><span class="wp-dot"></span>${n.online}</div>
        </div>
        <div class="wp-body">
          ${i?o`<div class="wp-prechat"><p>${n.prechatIntro}</p>
              ${t.prechat.fields.map(s=>o`<span key=${s} class="wp-input">${n[s]}</span>`)}
              <span class="wp-button">${n.start}</span></div>`:t.greeting&&o`<div class="wp-msg">${t.greeting}</div>`}
        </div>
        ${!i&&o`<div class="wp-composer"><span>${n.placeholder}</span><span class="wp-send"></span></div>`}
      </div>
      <div class="wp-launcher" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg></div>
      <figcaption class="muted small">Preview: ${t.title||e.name}, ${t.position==="left"?"bottom left":"bottom right"}, ${Pn.find(([s])=>s===t.locale)?.[1]||t.locale}</figcaption>
    </figure>`}var wr=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function Ee(e,t="Copied"){try{await navigator.clipboard.writeText(e),C(`${t} to the clipboard.`,"success")}catch{C("Select the text and copy it by hand.","error")}}function ks(){let[e,t]=h(!0),[n,a]=h(!1),i=()=>b.inboxes().then(s=>{et.value=s}).catch(s=>_(s,"Could not load inboxes")).finally(()=>t(!1));return x(()=>{i()},[]),o`
    <${M} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>New inbox</button>
    <//>
    ${n&&o`<${Tr} onDone=${()=>{a(!1),i()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:et.value.length?et.value.map(s=>o`<${kr} key=${s.id} inbox=${s} onChange=${i} />`):o`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function kr({inbox:e,onChange:t}){let[n,a]=h((e.allowed_origins||[]).join(`
`)),[i,s]=h(null),r=wr(e),l="inbox-"+e.id;async function p(m,c){try{await b.updateInbox(e.id,m),s(null),C(c,"success"),t()}catch(f){s(f)}}return o`
    <section class="card inbox-card" aria-labelledby=${l} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${l}>${e.name}</h2>
          <p class="muted small">Widget title “${e.widget?.title||e.name}” · files up to ${Math.round((e.conversation?.max_attachment_size||0)/1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{background:e.widget?.color||"#2563eb"}}></span>
      </header>
      <${U} error=${i} />
      <div class="inbox-grid">
        <div>
          <h3>Widget snippet</h3>
          <p class="muted small">Paste it before <code>${"</body>"}</code> on every page of your site.</p>
          <div class="snippet">
            <pre><code class="snippet-code">${r}</code></pre>
            <button type="button" class="button small" onClick=${()=>Ee(r,"Snippet copied")}><${$e} size=${14} /> Copy</button>
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
          <${Sr} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${m=>{m.preventDefault(),p({allowed_origins:n.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${n} onInput=${m=>a(m.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${Cr} inbox=${e} save=${p} />
        <${ws} inbox=${e} onSaved=${t} />
      </div>
    </section>`}function Cr({inbox:e,save:t}){let n=e.conversation?.auto_resolve_after_seconds||0,[a,i]=h(n?String(n/60):""),s="auto-resolve-"+e.id;function r(l){l.preventDefault();let p=Number(a.trim()||"0");t({conversation:{auto_resolve_after_seconds:Math.round(p*60)}},p?`Conversations inactive for ${p} minutes will be resolved.`:"Auto-resolve is off.")}return o`
    <form class="inbox-auto-resolve" aria-label="Auto-resolve" onSubmit=${r}>
      <h3>Auto-resolve</h3>
      <label class="field" for=${s}><span>Resolve after <span class="muted small">(minutes without activity; empty for off)</span></span>
        <input id=${s} name="auto_resolve_minutes" type="number" min="0" step="1" inputmode="numeric" placeholder="Off"
          value=${a} onInput=${l=>i(l.currentTarget.value)} /></label>
      <p class="muted small">Now: ${n?`after ${n%60?n+" seconds":n/60+" minutes"}`:"off"}. A system line tells the visitor.</p>
      <button type="submit" class="button small">Save auto-resolve</button>
    </form>`}function Sr({identity:e}){let t=Object.entries(e||{}).filter(([a,i])=>a!=="require_verified"&&i!==null&&i!==""&&!(Array.isArray(i)&&i.length===0));if(!t.length)return null;let n=a=>Array.isArray(a)?`${a.length} configured`:typeof a=="object"?JSON.stringify(a):String(a);return o`<dl class="props small">${t.map(([a,i])=>o`<dt>${a.replace(/_/g," ")}</dt><dd>${n(i)}</dd>`)}</dl>`}function Tr({onDone:e}){let[t,n]=h(""),[a,i]=h(""),[s,r]=h(null);async function l(p){p.preventDefault();try{await b.createInbox({name:t,allowed_origins:a.split(/[\s,]+/).filter(Boolean)}),C(`Inbox ${t} created.`,"success"),e()}catch(m){r(m)}}return o`
    <form class="card form-grid" onSubmit=${l} aria-label="New inbox">
      <${U} error=${s} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${p=>n(p.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${a} onInput=${p=>i(p.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function Cs(){let[e,t]=h(null),[n,a]=h(!1),[i,s]=h(null),r=()=>b.tokens().then(t).catch(p=>{_(p,"Could not load tokens"),t([])});x(()=>{r()},[]);async function l(p){if(confirm(`Revoke “${p.name}”? Programs using it stop working at once.`))try{await b.revokeToken(p.id),C(`“${p.name}” is revoked.`,"success"),r()}catch(m){_(m)}}return o`
    <${M} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{a(!n),s(null)}} aria-expanded=${n}>Create token</button>
    <//>
    ${i&&o`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${i.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(i.token,"Token copied")}><${$e} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>s(null)}>I have stored it</button>
      </div>`}
    ${n&&o`<${Ar} onDone=${p=>{a(!1),p&&s(p),r()}} />`}
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
                <td class="muted" title=${J(p.created_at)}>${z(p.created_at)} by ${p.created_by?.name}</td>
                <td class="muted">${p.last_used_at?z(p.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${p.expires_at?J(p.expires_at):""}>${p.expires_at?new Date(p.expires_at)<=new Date?o`<span class="tag tag-muted">expired</span>`:z(p.expires_at):"never"}</td>
                <td class="right">${p.revoked_at?o`<span class="tag tag-muted">revoked</span>`:o`<button type="button" class="button small danger-ghost" onClick=${()=>l(p)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function Ar({onDone:e}){let t=(ee.value?.scopes||[]).filter(u=>!u.startsWith("workspaces:")),[n,a]=h(""),[i,s]=h(!0),[r,l]=h([]),[p,m]=h(""),[c,f]=h(null);async function d(u){u.preventDefault();let g={name:n,scopes:i?["all"]:r};p&&(g.expires_at=new Date(`${p}T00:00:00`).toISOString());try{let y=await b.createToken(g);e(y)}catch(y){f(y)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New API token">
      <${U} error=${c} />
      <label class="field"><span>Name</span><input required value=${n} onInput=${u=>a(u.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${i} onChange=${u=>s(u.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!i&&o`<div class="scope-grid">${t.map(u=>o`
          <label class="check"><input type="checkbox" checked=${r.includes(u)}
            onChange=${g=>l(g.currentTarget.checked?[...r,u]:r.filter(y=>y!==u))} /> <code>${u}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${p} min=${Ir()} onInput=${u=>m(u.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!i&&!r.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function Ir(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function Ss(){let[e,t]=h(null),[n,a]=h(""),[i,s]=h(!1);async function r(p){s(!0);try{let m=await b.audit(p);t(c=>p?[...c||[],...m.items]:m.items),a(m.next_cursor||"")}catch(m){_(m,"Could not load the audit log"),t(c=>c||[])}finally{s(!1)}}x(()=>{r("")},[]);let l=p=>Object.entries(p||{}).map(([m,c])=>`${m}: ${typeof c=="object"?JSON.stringify(c):c}`).join(", ");return o`
    <${M} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(p=>o`
              <tr key=${p.id}>
                <td class="muted nowrap" title=${J(p.created_at)}>${z(p.created_at)}</td>
                <td><span class="tag tag-muted">${p.actor.type}</span> ${p.actor.name}</td>
                <td><code class="action">${p.action}</code></td>
                <td class="muted small details">${l(p.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${n&&o`<div class="center"><button type="button" class="button" disabled=${i} onClick=${()=>r(n)}>Load more</button></div>`}`:o`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}function Ts(){let[e,t]=h(null),[n,a]=h(""),[i,s]=h(null);if(x(()=>{I("/api/v1/sign-in").then(t).catch(c=>_(c,"Could not load the sign-in settings"))},[]),!e)return o`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;let r=e.oidc,l=(c,f)=>t({...e,oidc:{...r,[c]:f}}),p=(c,f,d)=>l("mappings",r.mappings.map((u,g)=>g===c?{...u,[f]:d}:u));async function m(c){c.preventDefault(),s(null);let f={password:e.password,oidc:{...r,client_secret:n||void 0},external:e.external};delete f.oidc.client_secret_set;try{t(await pt("/api/v1/sign-in",f)),a(""),C("Sign-in settings saved.","success")}catch(d){s(d)}}return o`
    <${M} title="Sign-in" sub="How the agents of this workspace sign in to the console. See docs/sign-in.md." />
    <form class="card form-grid" onSubmit=${m} aria-label="Sign-in settings">
      <${U} error=${i} />
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
    </form>`}function As(){let[e,t]=h(null),[n,a]=h({product_name:"",sign_in_title:"",color:""}),[i,s]=h(null),r=f=>{t(f),Te.value=f,a({product_name:f.product_name,sign_in_title:f.sign_in_title,color:f.color})};x(()=>{I("/api/v1/branding").then(r).catch(f=>_(f,"Could not load the branding"))},[]);async function l(f){f.preventDefault(),s(null);try{r(await De("/api/v1/branding",n)),C("Branding saved.","success")}catch(d){s(d)}}async function p(f,d){if(d)try{r(await Pe("PUT",`/api/v1/branding/${f}`,{headers:{"Content-Type":d.type||"application/octet-stream"},raw:d})),C(f==="logo"?"Logo saved.":"Default avatar saved.","success")}catch(u){_(u,"Upload refused")}}async function m(f){try{r(await Pe("DELETE",`/api/v1/branding/${f}`))}catch(d){_(d)}}let c=f=>d=>a({...n,[f]:d.currentTarget.value});return e?o`
    <${M} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${l} aria-label="Branding">
      <${U} error=${i} />
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
      </section>`)}`:o`<div class="spinner" role="status" aria-label="Loading the branding"></div>`}function Is(){let[e,t]=h(null),[n,a]=h([]),[i,s]=h(!1),[r,l]=h(null),p=()=>b.contextEndpoints().then(t).catch(d=>{_(d,"Could not load context endpoints"),t([])});x(()=>{p(),b.inboxes().then(a).catch(()=>{})},[]);let m=d=>d?n.find(u=>u.id===d)?.name||d:"Every inbox";async function c(d){if(confirm(`Replace the secret of “${d.title}”? Requests are signed with the new one at once: update your endpoint.`))try{let u=await b.rotateContextSecret(d.id);l({title:u.title,secret:u.secret})}catch(u){_(u)}}async function f(d){if(confirm(`Delete “${d.title}”? Agents no longer see its data.`))try{await b.deleteContextEndpoint(d.id),C(`“${d.title}” is deleted.`,"success"),p()}catch(u){_(u)}}return o`
    <${M} title="Customer data" sub="Your endpoints whose answers agents see beside the conversation: rows, links and charts.">
      <button type="button" class="button primary" onClick=${()=>{s(!i),l(null)}} aria-expanded=${i}>Add endpoint</button>
    <//>
    ${r&&o`
      <div class="card callout" role="status" aria-labelledby="ctx-secret-title">
        <h2 id="ctx-secret-title">Copy the signing secret of “${r.title}” now</h2>
        <p>This is the only time it is shown. Your endpoint checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="context-secret">${r.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(r.secret,"Secret copied")}><${$e} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>l(null)}>I have stored it</button>
      </div>`}
    ${i&&o`<${Er} inboxes=${n} onDone=${d=>{s(!1),d&&l({title:d.title,secret:d.secret}),p()}} />`}
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
      </div>`:o`<div class="empty"><h2>No context endpoints</h2><p class="muted">Add one to show your own data about customers in the contact panel.</p></div>`}`}function Er({inboxes:e,onDone:t}){let[n,a]=h(""),[i,s]=h(""),[r,l]=h(""),[p,m]=h(!1),[c,f]=h(null);async function d(u){u.preventDefault();try{t(await b.createContextEndpoint({title:n,url:i,inbox_id:r||void 0,statistics:p}))}catch(g){f(g)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New context endpoint">
      <${U} error=${c} />
      <label class="field"><span>Title</span><input required maxlength="64" value=${n} onInput=${u=>a(u.currentTarget.value)} placeholder="The heading agents see, e.g. Orders" /></label>
      <label class="field"><span>URL</span><input required type="url" value=${i} onInput=${u=>s(u.currentTarget.value)} placeholder="https://crm.example.com/parley/orders" aria-describedby="ctx-url-help" />
        <small id="ctx-url-help" class="muted">Parley POSTs the contact's identifiers and the agent's id here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Inbox</span>
        <select value=${r} onChange=${u=>l(u.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map(u=>o`<option value=${u.id}>${u.name}</option>`)}
        </select></label>
      <label class="switch"><input type="checkbox" checked=${p} onChange=${u=>m(u.currentTarget.checked)} /><span>Statistics: send a date range agents choose</span></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!i}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>t(null)}>Cancel</button></div>
    </form>`}var Nr=1500;function Es(){let[e,t]=h(null),[n,a]=h([]),[i,s]=h([]),[r,l]=h(!1),[p,m]=h(null),[c,f]=h(null),[d,u]=h(0),g=()=>b.webhooks().then(t).catch($=>{_($,"Could not load webhooks"),t([])});x(()=>{g(),b.inboxes().then(a).catch(()=>{}),b.webhookEventTypes().then(s).catch(()=>{})},[]);let y=$=>$?n.find(R=>R.id===$)?.name||$:"Every inbox";async function v($){try{await b.pingWebhook($.id),C("Test event sent. Its delivery is in the log below.","success"),f($.id),u(R=>R+1)}catch(R){_(R)}}async function w($){if(confirm(`Replace the secret of ${$.url}? For 24 hours requests carry both signatures, the new secret's and the old one's.`))try{let R=await b.rotateWebhookSecret($.id);m({url:R.url,secret:R.secret}),g()}catch(R){_(R)}}async function k($,R){try{await b.updateWebhook($.id,{enabled:R}),C(R?`${$.url} is enabled.`:`${$.url} is disabled.`,"success"),g()}catch(te){_(te)}}async function T($){if(confirm(`Delete the endpoint ${$.url}? Its pending deliveries and its delivery log are deleted too.`))try{await b.deleteWebhook($.id),C(`${$.url} is deleted.`,"success"),c===$.id&&f(null),g()}catch(R){_(R)}}let E=e?.find($=>$.id===c);return o`
    <${M} title="Webhooks" sub="Your URLs that Parley sends events to, signed, retried and logged.">
      <button type="button" class="button primary" onClick=${()=>{l(!r),m(null)}} aria-expanded=${r}>Add endpoint</button>
    <//>
    ${p&&o`
      <div class="card callout" role="status" aria-labelledby="wh-secret-title">
        <h2 id="wh-secret-title">Copy the signing secret now</h2>
        <p>This is the only time the secret of <code>${p.url}</code> is shown. Your receiver checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="webhook-secret">${p.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(p.secret,"Secret copied")}><${$e} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>m(null)}>I have stored it</button>
      </div>`}
    ${r&&o`<${Rr} inboxes=${n} catalogue=${i}
      onDone=${$=>{l(!1),$&&(m({url:$.url,secret:$.secret}),f($.id)),g()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading webhooks"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Webhook endpoints">
          <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Inbox</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map($=>o`
              <tr key=${$.id} data-webhook=${$.url} class=${$.enabled?"":"revoked"}>
                <td class="details"><code class="strong">${$.url}</code>${$.description&&o`<div class="muted">${$.description}</div>`}</td>
                <td>${$.event_types.map(R=>o`<span class="tag">${R}</span> `)}</td>
                <td class="muted">${y($.inbox_id)}</td>
                <td class="webhook-state"><${qr} e=${$} /></td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" aria-expanded=${c===$.id} aria-controls="wh-deliveries"
                    onClick=${()=>f(c===$.id?null:$.id)} aria-label=${"Deliveries to "+$.url}>Deliveries</button>
                  <button type="button" class="button small ghost" onClick=${()=>v($)} aria-label=${"Send test event to "+$.url}>Send test event</button>
                  <button type="button" class="button small ghost" onClick=${()=>w($)} aria-label=${"New secret for "+$.url}>New secret</button>
                  ${$.enabled?o`<button type="button" class="button small ghost" onClick=${()=>k($,!1)} aria-label=${"Disable "+$.url}>Disable</button>`:o`<button type="button" class="button small ghost" onClick=${()=>k($,!0)} aria-label=${"Enable "+$.url}>Enable</button>`}
                  <button type="button" class="button small danger-ghost" onClick=${()=>T($)} aria-label=${"Delete "+$.url}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No webhook endpoints</h2><p class="muted">Add one to receive conversations, messages and contacts as they change.</p></div>`}
    ${E&&o`<${Dr} key=${E.id} endpoint=${E} refresh=${d} onLoad=${g} />`}`}function qr({e}){return e.enabled?o`<span class="tag tag-ok">Enabled</span>
      ${e.failing_since&&o`<div class="wh-failing" title=${J(e.failing_since)}>Failing since ${z(e.failing_since)}</div>`}`:e.disabled_reason?o`<span class="tag tag-bad">Disabled by Parley</span><div class="wh-reason">${e.disabled_reason}</div>`:o`<span class="tag tag-muted">Disabled</span>`}function Rr({inboxes:e,catalogue:t,onDone:n}){let[a,i]=h(""),[s,r]=h(""),[l,p]=h(""),[m,c]=h(""),[f,d]=h(null),u=s.split(/[\s,]+/).filter(Boolean);async function g(y){y.preventDefault();try{n(await b.createWebhook({url:a,event_types:u,inbox_id:l||void 0,description:m||void 0}))}catch(v){d(v)}}return o`
    <form class="card form-grid" onSubmit=${g} aria-label="New webhook endpoint">
      <${U} error=${f} />
      <label class="field"><span>URL</span><input required type="url" name="url" maxlength="2048" value=${a} onInput=${y=>i(y.currentTarget.value)}
        placeholder="https://crm.example.com/parley-events" aria-describedby="wh-url-help" />
        <small id="wh-url-help" class="muted">Parley POSTs each event here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Event types</span><input required name="event_types" value=${s} onInput=${y=>r(y.currentTarget.value)}
        placeholder="conversation.*, message.created" aria-describedby="wh-types-help" />
        <small id="wh-types-help" class="muted">Separated by commas. A group such as <code>conversation.*</code> is every type of it; <code>*</code> is every type.</small></label>
      <label class="field"><span>Inbox</span>
        <select name="inbox_id" value=${l} onChange=${y=>p(y.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map(y=>o`<option value=${y.id}>${y.name}</option>`)}
        </select></label>
      <label class="field"><span>Description (optional)</span><input name="description" maxlength="500" value=${m}
        onInput=${y=>c(y.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      ${t.length>0&&o`
        <details class="wh-catalogue">
          <summary>The event types</summary>
          <dl>${t.map(y=>o`<dt><code>${y.type}</code></dt><dd class="muted">${y.description}</dd>`)}</dl>
        </details>`}
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a||!u.length}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>n(null)}>Cancel</button></div>
    </form>`}function Dr({endpoint:e,refresh:t,onLoad:n}){let[a,i]=h(null),[s,r]=h(0),[l,p]=h(null),m=()=>b.webhookDeliveries(e.id).then(i).catch(d=>{_(d,"Could not load deliveries"),i([])}).then(n);x(()=>{m()},[t,s]);let c=Math.min(...(a||[]).filter(d=>d.status==="pending").map(d=>d.next_attempt_at?new Date(d.next_attempt_at).getTime():Date.now()));x(()=>{if(!Number.isFinite(c))return;let d=setTimeout(()=>r(u=>u+1),Math.min(Math.max(c-Date.now()+500,Nr),6e4));return()=>clearTimeout(d)},[c,a]);async function f(d){try{await b.redeliverWebhook(e.id,d.id),C(`${d.event_type} is sent again.`,"success"),r(u=>u+1)}catch(u){_(u)}}return o`
    <section class="card wh-deliveries" id="wh-deliveries" aria-labelledby="wh-deliveries-title">
      <div class="card-head">
        <div><h2 id="wh-deliveries-title">Deliveries to <code>${e.url}</code></h2>
          <p class="muted">The newest first. Each request is a POST of the event, signed, with the header <code>webhook-id</code> the same on every attempt.</p></div>
        <button type="button" class="button small ghost" onClick=${()=>r(d=>d+1)}><${Tn} size=${14} /> Refresh</button>
      </div>
      ${a===null?o`<div class="spinner" role="status" aria-label="Loading deliveries"></div>`:a.length?o`
        <div class="table-wrap">
          <table class="table" aria-label=${"Deliveries to "+e.url}>
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last result</th><th scope="col">Created</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${a.map(d=>o`
                <tr key=${d.id} data-delivery=${d.id} data-event-type=${d.event_type}>
                  <td><span class="strong">${d.event_type}</span><div class="muted"><code>${d.event_id}</code></div></td>
                  <td><span class=${"tag delivery-status "+Pr(d.status)} data-status=${d.status}>${d.status}</span>
                    ${d.status==="pending"&&d.next_attempt_at&&o`<div class="muted">next ${z(d.next_attempt_at)}</div>`}</td>
                  <td class="delivery-attempts">${d.attempts}</td>
                  <td>${d.last_status_code?o`HTTP ${d.last_status_code}`:""}${d.last_error&&o`<div class="wh-reason">${d.last_error}</div>`}</td>
                  <td class="muted" title=${J(d.created_at)}>${z(d.created_at)}</td>
                  <td class="right">
                    <button type="button" class="button small ghost" aria-expanded=${l===d.id}
                      onClick=${()=>p(l===d.id?null:d.id)} aria-label=${"Details of "+d.event_type+" "+d.event_id}>Details</button>
                    <button type="button" class="button small ghost" onClick=${()=>f(d)} aria-label=${"Redeliver "+d.event_type+" "+d.event_id}>Redeliver</button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>
        ${l&&o`<${Mr} key=${l+s} endpoint=${e} id=${l} />`}`:o`<p class="muted">No deliveries yet. Send a test event to see one.</p>`}
    </section>`}var Pr=e=>e==="delivered"?"tag-ok":e==="failed"?"tag-bad":"tag-muted";function zr(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}function Mr({endpoint:e,id:t}){let[n,a]=h(null);return x(()=>{b.webhookDelivery(e.id,t).then(a).catch(i=>_(i,"Could not load the delivery"))},[t]),n?o`
    <div class="wh-attempts" data-delivery-detail=${n.id}>
      <h3>Request</h3>
      <pre class="wh-request"><code>${[`POST ${e.url}`,"content-type: application/json",`webhook-id: ${n.event_id}`,"webhook-timestamp, webhook-signature: set on each attempt"].join(`
`)}</code></pre>
      ${n.request_body?o`<pre class="wh-request-body"><code>${zr(n.request_body)}</code></pre>`:o`<p class="muted wh-no-body">The body, the <code>${n.event_type}</code> event, is not shown: the event is no longer kept.</p>`}
      <h3>Attempts</h3>
      ${n.attempt_log?.length?o`
        <ol class="wh-attempt-list">
          ${n.attempt_log.map(i=>o`
            <li data-attempt=${i.id}>
              <div><span class="strong attempt-result">${i.status_code?`HTTP ${i.status_code}`:"No response"}</span>
                <span class="muted"> · <span class="attempt-latency">${i.latency_ms.toFixed(1)} ms</span> · <span title=${J(i.attempted_at)}>${z(i.attempted_at)}</span></span></div>
              ${i.error&&o`<div class="wh-reason">${i.error}</div>`}
              <div class="muted">Response${i.response?"":": empty"}</div>
              ${i.response&&o`<pre class="attempt-response"><code>${i.response}</code></pre>`}
            </li>`)}
        </ol>`:o`<p class="muted">No attempt yet.</p>`}
    </div>`:o`<div class="spinner" role="status" aria-label="Loading the delivery"></div>`}var Lr={all:"Everything in this workspace that an administrator’s API token can do: read and change agents, inboxes, contacts, conversations, webhooks, tokens, apps and the audit log.","agents:read":"See the agents of this workspace: their names, emails, roles, presence and attributes.","agents:write":"Create agents and bots, and change, disable and delete the agents it created.","agents:manage_all":"Change, disable and delete any agent of this workspace, also the ones it did not create.","inboxes:read":"See the inboxes with their widget settings, the branding and the customer data endpoints.","inboxes:write":"Create inboxes and change their settings, identity rules and allowed sites.","contacts:read":"Read your contacts: visitors’ names, emails, phone numbers and attributes.","contacts:write":"Create, change, merge and erase contacts.","conversations:read":"Read every conversation with its messages and the agents’ private notes.","conversations:write":"Write in conversations as an agent, and assign, transfer, resolve and reopen them.","webhooks:read":"See the webhook endpoints and their delivery logs.","webhooks:write":"Add, change and delete webhook endpoints, and send events to them again.","visitors:write":"Open chat sessions for visitors on your site, as your back-end does for signed-in users.","tokens:read":"See the API tokens and the installed apps (never their secrets).","tokens:write":"Create and revoke API tokens, and install, change and uninstall apps.","audit:read":"Read the audit log: who changed what, and when.","labels:write":"Create, rename and delete labels.","canned_responses:write":"Add, change and delete the shared canned responses.","routing:write":"Change teams, queues and routing rules."},Or=[["agents_total","Agents and bots it created that exist at once",10],["agents_per_day","Agents and bots it may create in 24 hours",10],["requests_per_minute","API requests a minute",600]],zn=null;function qs({id:e}){return e?o`<${jr} id=${e} />`:o`<${Ur} />`}function Ur(){let[e,t]=h(null),[n,a]=h(!1);x(()=>{b.apps().then(t).catch(s=>{_(s,"Could not load apps"),t([])})},[]);let i=s=>j(`${P}/admin/apps/${encodeURIComponent(s.id)}`);return o`
    <${M} title="Apps" sub="Integrations installed from a manifest, each with the rights and quotas you approved.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>Install app</button>
    <//>
    ${n&&o`<${Fr} onCancel=${()=>a(!1)}
      onInstalled=${s=>{zn=s,C(`“${s.name}” is installed.`,"success"),i(s)}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading apps"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Apps">
          <thead><tr><th scope="col">Name</th><th scope="col">Publisher</th><th scope="col">Scopes</th><th scope="col">State</th><th scope="col">Installed</th></tr></thead>
          <tbody>
            ${e.map(s=>o`
              <tr key=${s.id} data-app=${s.name} class=${s.enabled?"":"revoked"}>
                <td class="strong"><a href=${`${P}/admin/apps/${encodeURIComponent(s.id)}`} onClick=${r=>{!r.metaKey&&!r.ctrlKey&&(r.preventDefault(),i(s))}}>${s.name}</a></td>
                <td class="muted">${s.manifest.publisher||"—"}</td>
                <td>${s.scopes.map(r=>o`<span class="tag">${r}</span> `)}</td>
                <td>${s.enabled?o`<span class="tag tag-ok">Enabled</span>`:o`<span class="tag tag-muted">Disabled</span>`}</td>
                <td class="muted" title=${J(s.created_at)}>${z(s.created_at)} by ${s.installed_by}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:!n&&o`<div class="empty"><h2>No apps</h2><p class="muted">Install one from the manifest its publisher gives you.</p></div>`}`}function Wr(e){let t;try{t=JSON.parse(e)}catch(n){return{error:`This is not JSON: ${n.message}`}}return!t||typeof t!="object"||Array.isArray(t)?{error:"A manifest is a JSON object, with at least a name and scopes."}:typeof t.name!="string"||!t.name.trim()?{error:"The manifest has no name."}:!Array.isArray(t.scopes)||!t.scopes.length||t.scopes.some(n=>typeof n!="string")?{error:'The manifest asks for no scopes: it must list them in "scopes".'}:{manifest:t}}var Ns=64*1024;function Fr({onCancel:e,onInstalled:t}){let[n,a]=h(""),[i,s]=h(null),[r,l]=h(""),[p,m]=h(null),[c,f]=h(!1);async function d(y){let v=y.currentTarget.files?.[0];if(v){if(v.size>Ns){l(`The file is too large for a manifest (${v.size} bytes; at most ${Ns}).`);return}a(await v.text()),l("")}}function u(y){y.preventDefault();let v=Wr(n);l(v.error||""),m(null),v.manifest&&s(v.manifest)}async function g(){f(!0);try{t(await b.installApp(i))}catch(y){m(y)}finally{f(!1)}}return i?o`
      <section class="card app-review" aria-labelledby="app-review-title">
        <h2 id="app-review-title">Install “${i.name}”?</h2>
        <${Rs} m=${i} />
        <${Ds} scopes=${i.scopes} heading="What it will be able to read and do" />
        <${Ps} quotas=${i.quotas||{}} />
        <${zs} webhook=${i.webhook} />
        <p>Approving grants all of this; you may narrow it later, never widen it.</p>
        <${U} error=${p} />
        <div class="form-actions">
          <button type="button" class="button primary" onClick=${g} disabled=${c}>Approve and install</button>
          <button type="button" class="button ghost" onClick=${()=>{s(null),m(null)}}>Back to the manifest</button>
          <button type="button" class="button ghost" onClick=${e}>Cancel</button>
        </div>
      </section>`:o`
    <form class="card" onSubmit=${u} aria-label="App manifest">
      ${r&&o`<div class="form-error" role="alert">${r}</div>`}
      <label class="field"><span>Manifest (JSON)</span>
        <textarea name="manifest" rows="12" class="mono" value=${n} onInput=${y=>a(y.currentTarget.value)}
          aria-describedby="app-manifest-help" spellcheck="false"></textarea>
        <small id="app-manifest-help" class="muted">Paste the manifest the app's publisher gives you, or choose its file below. Nothing is installed before you approve it.</small></label>
      <label class="field"><span>Or a manifest file</span><input type="file" name="manifest_file" accept=".json,application/json" onChange=${d} /></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n.trim()}>Review</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function Rs({m:e}){return o`
    <dl class="app-about">
      ${e.description&&o`<dt>Description</dt><dd>${e.description}</dd>`}
      <dt>Publisher</dt><dd>${e.publisher||"Not given"}</dd>
      ${e.homepage&&o`<dt>Homepage</dt><dd><a href=${/^https:\/\//.test(e.homepage)?e.homepage:void 0} rel="noopener noreferrer" target="_blank">${e.homepage}</a></dd>`}
    </dl>`}function Ds({scopes:e,heading:t}){return o`
    <h3>${t}</h3>
    <ul class="app-scopes">
      ${e.map(n=>o`
        <li data-scope=${n}><span class="scope-sentence">${Lr[n]||`Something Parley does not know (${n}): the server will refuse to install it.`}</span>
          <code class="muted">${n}</code></li>`)}
    </ul>`}function Ps({quotas:e,usage:t}){return o`
    <h3>Quotas</h3>
    <table class="table app-quotas" aria-label="Quotas">
      <thead><tr><th scope="col">Quota</th>${t&&o`<th scope="col">Used</th>`}<th scope="col">Limit</th></tr></thead>
      <tbody>
        ${Or.map(([n,a,i])=>o`
          <tr data-quota=${n}><th scope="row">${a}</th>
            ${t&&o`<td class="quota-used">${n in t?`${t[n]} of ${e[n]||i}`:"counted by each node"}</td>`}
            <td class="quota-limit">${e[n]?e[n]:`${i} (the default)`}</td></tr>`)}
      </tbody>
    </table>`}function zs({webhook:e,id:t}){return o`
    <h3>Webhook</h3>
    ${e?o`
      <p class="app-webhook">Parley sends the events ${e.event_types.map(n=>o`<span class="tag">${n}</span> `)} to <code>${e.url}</code>, signed.
        ${t&&o` <a href=${`${P}/admin/webhooks`} onClick=${n=>{n.preventDefault(),j(`${P}/admin/webhooks`)}}>See its deliveries</a>.`}</p>`:o`<p class="app-webhook muted">None: Parley sends this app no events.</p>`}`}function jr({id:e}){let[t,n]=h(null),[a]=h(()=>{let m=zn?.id===e?zn:null;return zn=null,m}),[i,s]=h(!!a),r=()=>b.app(e).then(n).catch(m=>{_(m,"Could not load the app"),n(!1)});x(()=>{r()},[e]);async function l(m){if(!(!m&&!confirm(`Disable “${t.name}”? Its access tokens stop working and its connections close at once.`)))try{n(await(m?b.enableApp(e):b.disableApp(e)).then(()=>b.app(e))),C(m?`“${t.name}” is enabled.`:`“${t.name}” is disabled.`,"success")}catch(c){_(c)}}async function p(){if(confirm(`Uninstall “${t.name}”? Its access tokens and its webhook are deleted at once; the agents it created remain.`))try{await b.uninstallApp(e),C(`“${t.name}” is uninstalled.`,"success"),j(`${P}/admin/apps`)}catch(m){_(m)}}return t===null?o`<div class="spinner" role="status" aria-label="Loading the app"></div>`:t===!1?o`<div class="empty"><h1>App not found</h1><p><a href=${`${P}/admin/apps`} onClick=${m=>{m.preventDefault(),j(`${P}/admin/apps`)}}>All apps</a></p></div>`:o`
    <${M} title=${t.name} sub=${t.enabled?"Enabled":"Disabled: its access tokens are refused."}>
      <a class="button ghost" href=${`${P}/admin/apps`} onClick=${m=>{m.preventDefault(),j(`${P}/admin/apps`)}}>All apps</a>
      ${t.enabled?o`<button type="button" class="button" onClick=${()=>l(!1)}>Disable</button>`:o`<button type="button" class="button" onClick=${()=>l(!0)}>Enable</button>`}
      <button type="button" class="button danger-ghost" onClick=${p}>Uninstall</button>
    <//>
    ${i&&a&&o`
      <div class="card callout" role="status" aria-labelledby="app-secret-title">
        <h2 id="app-secret-title">Copy the app's secrets now</h2>
        <p>This is the only time they are shown. Give them to the app: it signs in with its client ID and secret${a.webhook_secret?", and checks the signature of each webhook request with the webhook secret":""}.</p>
        <dl class="app-about">
          <dt>Client ID</dt><dd><code class="app-client-id">${a.client_id}</code></dd>
        </dl>
        <div class="snippet"><pre><code class="app-client-secret">${a.client_secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Ee(a.client_secret,"Client secret copied")} aria-label="Copy the client secret"><${$e} size=${14} /> Copy</button></div>
        ${a.webhook_secret&&o`
          <div class="snippet"><pre><code class="app-webhook-secret">${a.webhook_secret}</code></pre>
            <button type="button" class="button small" onClick=${()=>Ee(a.webhook_secret,"Webhook secret copied")} aria-label="Copy the webhook secret"><${$e} size=${14} /> Copy</button></div>`}
        <button type="button" class="button ghost small" onClick=${()=>s(!1)}>I have stored them</button>
      </div>`}
    <section class="card app-detail" aria-labelledby="app-detail-title">
      <h2 id="app-detail-title">Rights, quotas and webhook</h2>
      <${Rs} m=${t.manifest} />
      <p class="muted">Client ID <code>${t.client_id}</code> · installed ${z(t.created_at)} by ${t.installed_by}</p>
      <${Ds} scopes=${t.scopes} heading="What it can read and do" />
      <${Ps} quotas=${t.quotas} usage=${t.usage||{}} />
      <${zs} webhook=${t.manifest.webhook} id=${t.webhook_id} />
    </section>`}function Ms(){let[e,t]=h(null),[n,a]=h(null),i=()=>(Lt(),b.teams().then(t).catch(l=>{_(l,"Could not load teams"),t([])}));x(()=>{i(),b.agents().then(l=>{me.value=l}).catch(()=>{})},[]);let s=l=>me.value.find(p=>p.id===l)?.name||l;async function r(l){if(confirm(`Delete the team ${l.name}? Its agents stay; only the group is deleted.`))try{await b.deleteTeam(l.id),C(`${l.name} is deleted.`,"success"),n?.id===l.id&&a(null),i()}catch(p){_(p,`Could not delete ${l.name}`)}}return o`
    <${M} title="Teams" sub="Groups of agents. A queue gives its conversations to the members of its team.">
      <button type="button" class="button primary" onClick=${()=>a(n==="new"?null:"new")} aria-expanded=${n==="new"}>Add team</button>
    <//>
    ${n&&o`<${Hr} key=${n==="new"?"new":n.id} team=${n==="new"?null:n}
      onDone=${()=>{a(null),i()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading teams"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Teams">
          <thead><tr><th scope="col">Team</th><th scope="col">Agents</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(l=>o`
              <tr key=${l.id} data-team=${l.name}>
                <td class="strong">${l.name}</td>
                <td class="team-members">${l.agent_ids.length?l.agent_ids.map(p=>o`<span class="tag">${s(p)}</span> `):o`<span class="muted">No agents</span>`}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>a(l)} aria-label=${"Edit "+l.name}>Edit</button>
                  <button type="button" class="button small danger-ghost" onClick=${()=>r(l)} aria-label=${"Delete "+l.name}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No teams</h2><p class="muted">Add one, then route a queue to it on the Queues page.</p></div>`}`}function Hr({team:e,onDone:t}){let[n,a]=h(e?.name||""),[i,s]=h(e?.agent_ids||[]),[r,l]=h(null),[p,m]=h(!1),c=g=>s(i.includes(g)?i.filter(y=>y!==g):[...i,g]);async function f(g){g.preventDefault(),m(!0);try{e?await b.updateTeam(e.id,{name:n,agent_ids:i}):await b.createTeam({name:n,agent_ids:i}),C(e?`${n} is saved.`:`${n} is created.`,"success"),t()}catch(y){l(y)}finally{m(!1)}}let d=e?`Edit team ${e.name}`:"New team",u=me.value.filter(g=>!g.disabled||i.includes(g.id));return o`
    <form class="card form-grid" onSubmit=${f} aria-label=${d}>
      <${U} error=${r} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${n}
        onInput=${g=>a(g.currentTarget.value)} placeholder="Support" /></label>
      <fieldset class="field">
        <legend>Agents</legend>
        <div class="scope-grid">
          ${u.map(g=>o`
            <label class="check" key=${g.id}><input type="checkbox" name="agent" value=${g.id} checked=${i.includes(g.id)}
              onChange=${()=>c(g.id)} /> ${g.name}${g.bot?" (bot)":""}</label>`)}
        </div>
        <small class="muted">An agent may be in several teams. Bots are never given conversations by a queue's strategy.</small>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${p||!n.trim()}>${e?"Save team":"Create team"}</button>
        <button type="button" class="button ghost" onClick=${t}>Cancel</button></div>
    </form>`}var Br=5,Ls=e=>(e?.tiers||[]).map(t=>({team_id:t.team_id||"",seconds:String(t.seconds)})),Os=(e,t)=>e?t.map((n,a)=>({...a>0?{team_id:n.team_id}:{},seconds:Number(n.seconds)||0})):[];function Us({on:e,setOn:t,tiers:n,setTiers:a,teams:i,teamName:s}){let r=(p,m)=>c=>{let f=n.map(d=>({...d}));f[p][m]=c.currentTarget.value,a(f)},l=p=>{t(p),p&&n.length===0&&a([{team_id:"",seconds:"120"},{team_id:i[0]?.id||"",seconds:"300"}])};return o`
    <fieldset class="field queue-tiers-edit">
      <legend>Escalation tiers</legend>
      <label class="check"><input type="checkbox" name="tiers" checked=${e} onChange=${p=>l(p.currentTarget.checked)} /> Escalate when nobody accepts or answers in time</label>
      ${e?o`
        <ol class="tiers-list">
          ${n.map((p,m)=>o`
            <li key=${m} class="tier-row" data-tier=${m+1}>
              <span class="strong">Tier ${m+1}</span>
              ${m===0?o`<span class="muted">${s}</span>`:o`
                <select name=${"tier-team-"+(m+1)} value=${p.team_id} onChange=${r(m,"team_id")} aria-label=${`Tier ${m+1} team`}>
                  <option value="">Choose a team…</option>
                  ${i.map(c=>o`<option value=${c.id}>${c.name}</option>`)}
                </select>`}
              <label class="inline">for <input type="number" min="1" max="86400" step="1" name=${"tier-seconds-"+(m+1)} value=${p.seconds}
                onInput=${r(m,"seconds")} aria-label=${`Tier ${m+1} seconds`} /> s</label>
              ${m>0&&o`<button type="button" class="button small danger-ghost" onClick=${()=>a(n.filter((c,f)=>f!==m))}
                aria-label=${`Remove tier ${m+1}`}>Remove</button>`}
            </li>`)}
        </ol>
        ${n.length<Br&&o`<button type="button" class="button small" onClick=${()=>a([...n,{team_id:"",seconds:"300"}])}>Add tier</button>`}
        <small class="muted">A conversation not accepted, or not answered, within its tier's time goes to the next tier, whose team joins the earlier ones; after the last tier's time supervisors are alerted.</small>`:o`<small class="muted">No escalation: the queue's team alone takes its conversations.</small>`}
    </fieldset>`}var Ws=[["manual","Manual — agents take conversations themselves"],["round_robin","Round robin — each agent in turn"],["least_busy","Least busy — the agent holding the fewest"],["longest_idle","Longest idle — the agent assigned longest ago"]],Vr=e=>e==="external"?"External service":Ws.find(([t])=>t===e)?.[1].split(" — ")[0]||e,Ma=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function Fs(){let[e,t]=h(null),[n,a]=h([]),[i,s]=h([]),[r,l]=h(null),p=()=>(Lt(),b.queues().then(t).catch(f=>{_(f,"Could not load queues"),t([])}));x(()=>{p(),b.teams().then(a).catch(()=>{}),b.inboxes().then(s).catch(()=>{})},[]);let m=f=>f?n.find(d=>d.id===f)?.name||f:"Every agent";async function c(f){if(confirm(`Delete the queue ${f.name}?`))try{await b.deleteQueue(f.id),C(`${f.name} is deleted.`,"success"),r?.id===f.id&&l(null),p()}catch(d){_(d,`Could not delete ${f.name}`)}}return o`
    <${M} title="Queues" sub="Where conversations wait, and how they reach agents.">
      <button type="button" class="button primary" onClick=${()=>l(r==="new"?null:"new")} aria-expanded=${r==="new"}>Add queue</button>
    <//>
    ${r&&o`<${Jr} key=${r==="new"?"new":r.id} queue=${r==="new"?null:r} teams=${n}
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
                <td class="queue-strategy">${Vr(f.strategy)}</td>
                <td class="queue-capacity">${f.capacity?f.capacity+" per agent":"The agents' own"}</td>
                <td class="queue-hours">${f.business_hours?Kr(f.business_hours):"Always open"}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>l(f)} aria-label=${"Edit "+f.name}>Edit</button>
                  ${!f.default&&o`<button type="button" class="button small danger-ghost" onClick=${()=>c(f)} aria-label=${"Delete "+f.name}>Delete</button>`}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}
    ${e!==null&&o`<${el} queues=${e} inboxes=${i} />`}`}function Kr(e){return`${e.weekly.map((n,a)=>n?.length?`${Ma[a].slice(0,3)} ${n.map(i=>`${i.start}–${i.end}`).join(", ")}`:null).filter(Boolean).join("; ")||"Closed every day"} (${e.time_zone})${e.holidays?.length?`, ${e.holidays.length} holiday${e.holidays.length>1?"s":""}`:""}`}function Yr(e){let t=[];for(let n of e.split(",").map(a=>a.trim()).filter(Boolean)){let a=/^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(n);if(!a)return null;t.push({start:a[1].padStart(5,"0"),end:a[2].padStart(5,"0")})}return t}var Qr=(()=>{try{return Intl.supportedValuesOf("timeZone")}catch{return[]}})(),Gr=(()=>{try{return Intl.DateTimeFormat().resolvedOptions().timeZone}catch{return"UTC"}})();function Jr({queue:e,teams:t,onDone:n}){let[a,i]=h(e),[s,r]=h({name:e?.name||"",team_id:e?.team_id||"",strategy:e?.strategy||"round_robin",capacity:String(e?.capacity||0)}),l=e?.business_hours,[p,m]=h(!!l),[c,f]=h(l?.time_zone||Gr),[d,u]=h(l?l.weekly.map(q=>(q||[]).map(L=>`${L.start}-${L.end}`).join(", ")):["","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00",""]),[g,y]=h((l?.holidays||[]).join(", ")),[v,w]=h(!!e?.tiers?.length),[k,T]=h(Ls(e)),[E,$]=h(null),[R,te]=h(!1),V=q=>L=>r({...s,[q]:L.currentTarget.value});async function Ne(q){q.preventDefault();let L=d.map(Yr),K=L.findIndex(ge=>ge===null);if(p&&K>=0){$({message:`${Ma[K]}: write the opening hours as 09:00-17:30, several separated by commas, or leave it empty when closed.`});return}te(!0),$(null);try{let ge={name:s.name,team_id:s.team_id,strategy:s.strategy,capacity:Number(s.capacity)||0,tiers:Os(v,k)},st=a?await b.updateQueue(a.id,ge):await b.createQueue(ge);i(st),p?st=await b.setBusinessHours(st.id,{time_zone:c.trim(),weekly:L,holidays:g.split(/[\s,]+/).filter(Boolean)}):a?.business_hours&&await b.deleteBusinessHours(st.id),C(e?`${s.name} is saved.`:`${s.name} is created.`,"success"),n()}catch(ge){$(ge)}finally{te(!1)}}let ae=e?`Edit queue ${e.name}`:"New queue";return o`
    <form class="card form-grid" onSubmit=${Ne} aria-label=${ae}>
      <${U} error=${E} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${s.name} onInput=${V("name")} placeholder="Support" /></label>
      <label class="field"><span>Team</span>
        <select name="team_id" value=${s.team_id} onChange=${V("team_id")} aria-describedby="q-team-help">
          <option value="">Every agent of the workspace</option>
          ${t.map(q=>o`<option value=${q.id}>${q.name}</option>`)}
        </select>
        <small id="q-team-help" class="muted">Whose members take this queue's conversations.</small></label>
      <label class="field"><span>Strategy</span>
        <select name="strategy" value=${s.strategy} onChange=${V("strategy")}>
          ${Ws.map(([q,L])=>o`<option value=${q}>${L}</option>`)}
          ${s.strategy==="external"&&o`<option value="external">External service — your routing service decides</option>`}
        </select></label>
      <label class="field"><span>Capacity per agent</span>
        <input type="number" name="capacity" min="0" max="1000" step="1" value=${s.capacity} onInput=${V("capacity")} aria-describedby="q-cap-help" />
        <small id="q-cap-help" class="muted">How many of this queue's conversations an agent may hold at once; 0 keeps each agent's own capacity.</small></label>
      <fieldset class="field queue-hours-edit">
        <legend>Business hours</legend>
        <label class="check"><input type="checkbox" name="hours" checked=${p} onChange=${q=>m(q.currentTarget.checked)} /> Open only at set hours</label>
        ${p?o`
          <label class="field"><span>Time zone</span><input required name="time_zone" list="q-zones" maxlength="64" value=${c}
            onInput=${q=>f(q.currentTarget.value)} aria-describedby="q-zone-help" />
            <small id="q-zone-help" class="muted">The hours are wall-clock times of this zone, e.g. Europe/Berlin, so 09:00 stays 09:00 across daylight-saving changes.</small></label>
          <datalist id="q-zones">${Qr.map(q=>o`<option value=${q} />`)}</datalist>
          <div class="hours-week">
            ${Ma.map((q,L)=>o`
              <label class="field" key=${q}><span>${q}</span><input name=${"day-"+L} value=${d[L]} placeholder="Closed"
                onInput=${K=>{let ge=[...d];ge[L]=K.currentTarget.value,u(ge)}} aria-describedby="q-day-help" /></label>`)}
          </div>
          <small id="q-day-help" class="muted">Opening hours as 09:00-17:30; several separated by commas (09:00-12:00, 13:00-17:00); empty when closed.</small>
          <label class="field"><span>Holidays</span><input name="holidays" value=${g} onInput=${q=>y(q.currentTarget.value)}
            placeholder="2026-12-25, 2026-12-26" aria-describedby="q-hol-help" />
            <small id="q-hol-help" class="muted">Closed days, YYYY-MM-DD, separated by commas.</small></label>`:o`<small class="muted">Always open.</small>`}
      </fieldset>
      <${Us} on=${v} setOn=${w} tiers=${k} setTiers=${T} teams=${t}
        teamName=${s.team_id?t.find(q=>q.id===s.team_id)?.name||s.team_id:"Every agent"} />
      <div class="form-actions"><button type="submit" class="button primary" disabled=${R||!s.name.trim()}>${e?"Save queue":"Create queue"}</button>
        <button type="button" class="button ghost" onClick=${n}>Cancel</button></div>
    </form>`}var Zr=1,za=e=>({key:Zr++,queue_id:e.queue_id||"",inbox_id:e.inbox_id||"",verified:e.verified===!0?"true":e.verified===!1?"false":"",attributes:Object.entries(e.attributes||{}).map(([t,n])=>`${t}=${n}`).join(", "),page_url_prefix:e.page_url_prefix||""});function Xr(e){let t={};for(let n of e.split(",").map(a=>a.trim()).filter(Boolean)){let a=n.indexOf("=");if(a<=0)return null;t[n.slice(0,a).trim()]=n.slice(a+1).trim()}return t}function el({queues:e,inboxes:t}){let[n,a]=h(null),[i,s]=h(null),[r,l]=h(!1),[p,m]=h(!1);x(()=>{b.routingRules().then(v=>a(v.map(za))).catch(v=>{_(v,"Could not load the routing rules"),a([])})},[]);let c=v=>{a(v),m(!0)},f=(v,w)=>k=>{let T=[...n];T[v]={...T[v],[w]:k.currentTarget.value},c(T)};function d(v,w,k){let T=[...n];[T[v],T[v+w]]=[T[v+w],T[v]],c(T),setTimeout(()=>{let E=document.querySelector(`[data-rule="${v+w}"]`);(E?.querySelector(`.${k}:not(:disabled)`)||E?.querySelector(".move-up:not(:disabled), .move-down:not(:disabled)"))?.focus()},0)}function u(v){c(n.filter((w,k)=>k!==v)),setTimeout(()=>document.querySelector(`[data-rule="${Math.min(v,n.length-2)}"] select`)?.focus()||document.querySelector(".rules-add")?.focus(),0)}function g(){c([...n,za({queue_id:e.find(v=>!v.default)?.id||e[0]?.id})]),setTimeout(()=>document.querySelector(`[data-rule="${n.length}"] select`)?.focus(),0)}async function y(v){v.preventDefault();let w=[];for(let[k,T]of n.entries()){let E=Xr(T.attributes);if(E===null){s({message:`Rule ${k+1}: write the contact attributes as name=value, several separated by commas.`});return}w.push({queue_id:T.queue_id,inbox_id:T.inbox_id||void 0,verified:T.verified===""?void 0:T.verified==="true",attributes:Object.keys(E).length?E:void 0,page_url_prefix:T.page_url_prefix.trim()||void 0})}l(!0),s(null);try{let k=await b.setRoutingRules(w);a(k.rules.map(za)),m(!1),C("The routing rules are saved.","success")}catch(k){s(k)}finally{l(!1)}}return o`
    <section class="card rules" aria-labelledby="rules-title">
      <div class="card-head"><div>
        <h2 id="rules-title">Routing rules</h2>
        <p class="muted">When a visitor's first message makes a conversation wait, the first rule whose conditions all hold puts it in that rule's queue; when none does, it goes to its inbox's queue. Empty conditions hold always.</p>
      </div></div>
      ${n===null?o`<div class="spinner" role="status" aria-label="Loading the routing rules"></div>`:o`
        <form onSubmit=${y} aria-label="Routing rules">
          <${U} error=${i} />
          ${!n.length&&o`<p class="muted">No rules: every conversation goes to its inbox's queue.</p>`}
          <ol class="rule-list">
            ${n.map((v,w)=>o`
              <li key=${v.key} data-rule=${w}>
                <fieldset class="rule">
                  <legend>Rule ${w+1}</legend>
                  <div class="rule-grid">
                    <label class="field"><span>Queue</span>
                      <select name="queue_id" value=${v.queue_id} onChange=${f(w,"queue_id")}>
                        ${e.map(k=>o`<option value=${k.id}>${k.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Inbox</span>
                      <select name="inbox_id" value=${v.inbox_id} onChange=${f(w,"inbox_id")}>
                        <option value="">Any inbox</option>
                        ${t.map(k=>o`<option value=${k.id}>${k.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Visitor</span>
                      <select name="verified" value=${v.verified} onChange=${f(w,"verified")}>
                        <option value="">Verified or guest</option>
                        <option value="true">Verified by your site</option>
                        <option value="false">Guest</option>
                      </select></label>
                    <label class="field"><span>Contact attributes</span>
                      <input name="attributes" value=${v.attributes} onInput=${f(w,"attributes")} placeholder="plan=enterprise, language=de"
                        aria-describedby="rules-attr-help" /></label>
                    <label class="field"><span>Page URL starts with</span>
                      <input name="page_url_prefix" type="url" maxlength="2048" value=${v.page_url_prefix} onInput=${f(w,"page_url_prefix")}
                        placeholder="https://shop.example.com/pricing" /></label>
                  </div>
                  <div class="form-actions">
                    <button type="button" class="button small ghost move-up" disabled=${w===0} onClick=${()=>d(w,-1,"move-up")}
                      aria-label=${`Move up rule ${w+1}`}>Move up</button>
                    <button type="button" class="button small ghost move-down" disabled=${w===n.length-1} onClick=${()=>d(w,1,"move-down")}
                      aria-label=${`Move down rule ${w+1}`}>Move down</button>
                    <button type="button" class="button small danger-ghost" onClick=${()=>u(w)} aria-label=${`Remove rule ${w+1}`}>Remove</button>
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
    </section>`}var tl={agents:ys,inboxes:ks,tokens:Cs,audit:Ss,"sign-in":Ts,branding:As,context:Is,webhooks:Es,apps:qs,teams:Ms,queues:Fs};function js({page:e,id:t}){let n=tl[e],a=fe.value==="admin"||e==="audit"&&fe.value==="supervisor";return o`
    <main class="pane-admin" id="main" tabindex="-1">
      ${n?a?o`<${n} id=${t} />`:o`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:o`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function M({title:e,sub:t,children:n}){return o`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&o`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${n}</div>
    </header>`}function U({error:e}){return e?o`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&o`<ul>${e.fields.map(t=>o`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}var nl=/^[A-Za-z][A-Za-z0-9_]{0,63}$/,Hs=e=>typeof e=="string"?e:JSON.stringify(e);function Bs({contact:e,onDone:t}){let[n,a]=h({name:e.name||"",email:e.email||"",phone:e.phone||""}),[i,s]=h(Object.entries(e.attributes||{}).map(([u,g])=>({k:u,v:Hs(g),orig:g}))),[r,l]=h(null),[p,m]=h(!1),c=u=>g=>a({...n,[u]:g.currentTarget.value}),f=(u,g)=>y=>s(i.map((v,w)=>w===u?{...v,[g]:y.currentTarget.value}:v));async function d(u){u.preventDefault();let g={};for(let y of i){let v=y.k.trim();if(v){if(!nl.test(v)){l({message:`“${v}” is not a valid attribute name: a letter, then letters, digits or _.`});return}g[v]=y.orig!==void 0&&typeof y.orig!="string"&&y.v===Hs(y.orig)?y.orig:y.v}}m(!0);try{let y=await De(`/api/v1/contacts/${encodeURIComponent(e.id)}`,{...n,attributes:g});le.value={...le.value,[y.id]:y},C("Contact saved.","success"),t()}catch(y){l(y)}finally{m(!1)}}return o`
    <form class="contact-edit" onSubmit=${d} aria-label="Edit contact">
      <${U} error=${r} />
      <label class="field"><span>Name</span><input id="contact-edit-name" maxlength="200" value=${n.name} onInput=${c("name")} /></label>
      <label class="field"><span>Email</span><input type="email" id="contact-edit-email" value=${n.email} onInput=${c("email")} /></label>
      <label class="field"><span>Phone</span><input type="tel" id="contact-edit-phone" maxlength="256" value=${n.phone} onInput=${c("phone")} /></label>
      <fieldset class="field">
        <legend>Attributes</legend>
        ${i.map((u,g)=>o`
          <div class="attr-row" key=${g}>
            <input aria-label=${"Attribute "+(g+1)+" name"} class="attr-key" value=${u.k} onInput=${f(g,"k")} placeholder="name" />
            <input aria-label=${"Attribute "+(g+1)+" value"} class="attr-value" value=${u.v} onInput=${f(g,"v")} placeholder="value" />
            <button type="button" class="icon-button" aria-label=${"Remove attribute "+(u.k||g+1)}
              onClick=${()=>s(i.filter((y,v)=>v!==g))}>×</button>
          </div>`)}
        <button type="button" class="button small ghost" id="contact-add-attr" onClick=${()=>s([...i,{k:"",v:""}])}>Add attribute</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button primary small" disabled=${p}>Save</button>
        <button type="button" class="button ghost small" onClick=${t}>Cancel</button>
      </div>
    </form>`}function Vs({contactId:e}){let t=`/api/v1/contacts/${encodeURIComponent(e)}/notes`,[n,a]=h(null),[i,s]=h(""),[r,l]=h(!1);x(()=>{let c=!0;return a(null),I(t).then(f=>c&&a(f.items),()=>c&&a([])),()=>{c=!1}},[e]);async function p(c){if(c.preventDefault(),!!i.trim()){l(!0);try{let f=await N(t,{body:i});a([f,...n||[]]),s("")}catch(f){_(f,"Could not save the note")}finally{l(!1)}}}async function m(c){if(confirm("Delete this note?"))try{await xe(`${t}/${encodeURIComponent(c.id)}`),a(n.filter(f=>f.id!==c.id))}catch(f){_(f,"Could not delete the note")}}return o`
    <section class="panel-section" aria-labelledby="contact-notes">
      <h3 id="contact-notes">Notes <span class="muted small">· only your team sees them</span></h3>
      <form class="note-form" onSubmit=${p}>
        <label class="sr-only" for="contact-note-text">New note on this contact</label>
        <textarea id="contact-note-text" rows="2" maxlength="4000" placeholder="Add a note about this contact…"
          value=${i} onInput=${c=>s(c.currentTarget.value)}></textarea>
        <button type="submit" class="button small" disabled=${r||!i.trim()}>Add note</button>
      </form>
      ${n===null?o`<div class="spinner small" role="status" aria-label="Loading notes"></div>`:n.length>0&&o`<ul class="contact-notes">
            ${n.map(c=>o`<li key=${c.id} class="contact-note" data-note=${c.id}>
              <p class="contact-note-body">${c.body}</p>
              <div class="muted small">${c.author_name} · <time datetime=${c.created_at} title=${J(c.created_at)}>${z(c.created_at)}</time>
                <button type="button" class="link-button" aria-label=${"Delete note by "+c.author_name} onClick=${()=>m(c)}>Delete</button></div>
            </li>`)}
          </ul>`}
    </section>`}function al(e){return String(e).split(/(?=\.)|(?<=@)/).flatMap((t,n)=>n?[o`<wbr />`,t]:[t])}var Ks={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function Mn({conv:e}){let t=e.contact_id,[n,a]=h(null),[i,s]=h(!1);x(()=>{s(!1),ve(t);let f=!0;return b.conversations({contact_id:t}).then(d=>{if(f){for(let u of d)u.status!=="open"&&he(u);a(d)}}).catch(()=>f&&a([])),()=>{f=!1}},[t]);let r=le.value[t],l=se(t),p=r&&!r.missing?Object.entries(r.attributes||{}).filter(([f])=>f!=="unverified_email"):[],m=r&&!r.missing?[["Email",r.email],["Email (unverified)",r.attributes?.unverified_email],["Phone",r.phone],["External ID",r.external_id],["First seen",r.created_at&&z(r.created_at)]].filter(([,f])=>f):[],c=(n||[]).filter(f=>f.id!==e.id&&f.status!=="open");return o`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${Ae} id=${t} name=${l} size="lg" />
        <h2 id="contact-title">${l}</h2>
        ${r&&!r.missing&&(r.verified?o`<span class="verified" title="Identified by your website's back-end"><${Cn} size=${14} /> Verified</span>`:o`<span class="unverified">Guest · not verified</span>`)}
        ${r&&!r.missing&&!i&&o`<button type="button" class="button small ghost" id="contact-edit" onClick=${()=>s(!0)}>Edit contact</button>`}
      </div>
      ${i&&r&&!r.missing&&o`<section class="panel-section"><${Bs} contact=${r} onDone=${()=>s(!1)} /></section>`}
      ${!r&&o`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${r?.missing&&o`<p class="muted small center">Contact details are not available.</p>`}
      ${!i&&m.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${m.map(([f,d])=>o`<dt>${f}</dt><dd>${f.startsWith("Email")?al(d):d}</dd>`)}</dl>
        </section>`}
      ${!i&&p.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${p.map(([f,d])=>o`<dt>${f}</dt><dd>${typeof d=="object"?JSON.stringify(d):String(d)}</dd>`)}</dl>
        </section>`}
      ${r&&!r.missing&&o`<${Vs} contactId=${t} />`}
      <${vs} conv=${e} />
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${n===null?o`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:c.length===0?o`<p class="muted small">None — this is the first.</p>`:o`<ul class="mini-list">
              ${c.map(f=>o`<li key=${f.id}>
                <a href=${ue(Ks[f.status],f.id)} onClick=${d=>{d.preventDefault(),j(ue(Ks[f.status],f.id))}}>
                  <span class=${"status status-"+f.status}>${f.status}</span>
                  <span class="muted small">${ye(f.inbox_id)} · ${z(f.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function Ys({list:e,conversation:t}){x(()=>{Ko(e)},[e,Se.value,Me.value]),x(()=>{t?bn(t):Ce.value=""},[t]);let n=nt.value[e]||[],a=cn.value&&e!=="resolved"||!Vo(e),i=t?B.value[t]:null;return o`
    <${cs} list=${e} items=${n} loading=${a} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?i?o`<${Rn} key=${t} conv=${i} list=${e} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`
          <div class="empty">
            <div class="empty-icon"><${yt} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${i&&o`<${Mn} key=${i.contact_id} conv=${i} />`}`}function Qs({q:e=""}){let[t,n]=h(e);return x(()=>n(e),[e]),o`
    <form role="search" class="nav-search" onSubmit=${a=>{a.preventDefault();let i=t.trim();i&&j(Ia(i))}}>
      <label for="search-input" class="sr-only">Search messages</label>
      <input id="search-input" type="search" class="input small" placeholder="Search messages" value=${t}
        maxlength="500" onInput=${a=>n(a.currentTarget.value)} />
    </form>`}function Gs({q:e,conversation:t,seq:n}){let[a,i]=h({items:null,cursor:"",loading:!1});x(()=>{let p=!0;return i({items:null,cursor:"",loading:!0}),b.search(e).then(m=>p&&i({items:m.items||[],cursor:m.next_cursor||"",loading:!1}),m=>{p&&(i({items:[],cursor:"",loading:!1}),_(m,"Could not search"))}),()=>{p=!1}},[e]),x(()=>{t?bn(t,n):Ce.value=""},[t,n]);let s=async()=>{i(p=>({...p,loading:!0}));try{let p=await b.search(e,a.cursor);i(m=>({items:[...m.items,...p.items||[]],cursor:p.next_cursor||"",loading:!1}))}catch(p){i(m=>({...m,loading:!1})),_(p,"Could not search")}},r=a.items||[],l=t?B.value[t]:null;return o`
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
          ${r.map(p=>o`<${ol} key=${p.message.id} h=${p} q=${e} selected=${t===p.conversation_id&&n===p.message.seq} />`)}
          ${a.cursor&&o`
            <li class="conv-more"><button type="button" class="button ghost small block" disabled=${a.loading} onClick=${s}>
              ${a.loading?"Loading…":"More results"}</button></li>`}
        </ul>`}
    </section>
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?l?o`<${Rn} key=${t} conv=${l} list="search" target=${n} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`<div class="empty"><h2>Pick a result</h2><p class="muted">It opens its conversation at that message.</p></div>`}
    </main>
    ${l&&o`<${Mn} key=${l.contact_id} conv=${l} />`}`}function ol({h:e,q:t,selected:n}){let a=e.message,i=B.value[e.conversation_id];i&&ve(i.contact_id);let s=a.sender?.type==="contact"?i?se(i.contact_id):"Visitor":a.sender?.display_name||"Agent",r=Ia(t,e.conversation_id,a.seq);return o`
    <li>
      <a href=${r} class=${"conv-item search-hit"+(n?" selected":"")} aria-current=${n?"true":void 0}
        data-conversation=${e.conversation_id} data-seq=${a.seq}
        onClick=${l=>{!l.metaKey&&!l.ctrlKey&&(l.preventDefault(),j(r))}}>
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${a.kind==="note"&&o`<${$t} size=${12} /> `}${s}</span>
            <time class="conv-time" datetime=${a.created_at}>${z(a.created_at)}</time>
          </span>
          <span class="search-snippet">${(e.snippet||[]).map(l=>l.match?o`<mark>${l.text}</mark>`:l.text)}</span>
        </span>
      </a>
    </li>`}var sl="Hi! Can I help you with anything?";function il(e,t){let n=Math.max(0,Math.floor((t-Date.parse(e))/6e4));return n<1?"< 1 min":n<60?`${n} min`:`${Math.floor(n/60)} h ${n%60} min`}function Js(){let[e,t]=h(null),[n,a]=h([]),[i,s]=h(""),r=Z(0),l=_t(15e3),p=async()=>{try{let[d,u]=await Promise.all([I("/api/v1/visitors/online",{limit:200}),I("/api/v1/visitors/recent",{limit:50})]);t(Object.fromEntries(d.items.map(g=>[g.contact_id,g]))),a(u.items)}catch(d){_(d)}},m=()=>{clearTimeout(r.current),r.current=setTimeout(p,300)};x(()=>{let d=()=>we({type:"subscribe_visitors"}).then(p,()=>{});d();let u=mt(g=>{if(g.type==="ready"&&d(),g.type!=="visitor")return;let y=g.visitor;t(v=>{let w={...v||{}};return g.event==="offline"?delete w[y.contact_id]:w[y.contact_id]?w[y.contact_id]={...w[y.contact_id],...y}:m(),w}),g.event==="offline"&&m()});return()=>{u(),clearTimeout(r.current),we({type:"unsubscribe_visitors"}).catch(()=>{})}},[]);let c=Object.values(e||{}).sort((d,u)=>Date.parse(d.since)-Date.parse(u.since)),f=$a("conversations:write")||$a("all");return o`
    <main class="pane-admin visitors-page" id="main" tabindex="-1">
      <${M} title="Visitors" sub="People on your site now, live, and the contacts seen recently." />
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
                  <td title=${J(d.since)}>${il(d.since,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                  <td><span class=${"tag"+(d.returning?"":" tag-muted")}>${d.returning?"Returning":"New"}</span></td>
                  <td>${f&&(i===d.contact_id?o`<${rl} visitor=${d} onDone=${()=>s("")} />`:o`<button type="button" class="button small" onClick=${()=>s(d.contact_id)}
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
                  <td title=${J(d.last_seen_at)}>${d.online?"On the site now":z(d.last_seen_at,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                </tr>`)}
            </tbody>
          </table></div>`:o`<p class="muted">No visit has ended yet.</p>`}
      </section>
    </main>`}function rl({visitor:e,onDone:t}){let[n,a]=h(sl),[i,s]=h(!1),r=Z(null);x(()=>{r.current?.focus(),r.current?.select()},[]);let l=async m=>{m.preventDefault(),s(!0);try{await N(`/api/v1/visitors/${encodeURIComponent(e.contact_id)}/invitations`,{message:n}),C(`Invitation sent to ${e.name||"the guest"}.`,"success"),t()}catch(c){_(c)}finally{s(!1)}},p="invite-"+e.contact_id;return o`
    <form class="invite-form" onSubmit=${l} onKeyDown=${m=>{m.key==="Escape"&&t()}}>
      <label for=${p} class="sr-only">Invitation message</label>
      <textarea id=${p} ref=${r} rows="2" maxlength="1000" required value=${n} onInput=${m=>a(m.target.value)}></textarea>
      <div class="form-actions">
        <button type="submit" class="button small primary" disabled=${i||!n.trim()}>Send invitation</button>
        <button type="button" class="button small ghost" onClick=${t}>Cancel</button>
      </div>
    </form>`}var La=e=>e.toISOString().slice(0,10),Zs={workspace:"Whole workspace",agent:"Agent",inbox:"Inbox",label:"Label"};function Ln(e){return e?e<60?`${Math.round(e)} s`:e<3600?`${Math.round(e/60)} min`:e<86400?`${(e/3600).toFixed(1)} h`:`${(e/86400).toFixed(1)} d`:"—"}function Xs(){let e=new Date,[t,n]=h({from:La(new Date(e.getTime()-6*864e5)),to:La(e),group_by:"workspace"}),[a,i]=h(null),[s,r]=h(null),[l,p]=h({});x(()=>{b.labels().then(d=>p(Object.fromEntries(d.items.map(u=>[u.id,u.name]))),()=>{})},[]),x(()=>{let d=!0;r(null);let u=La(new Date(Date.parse(t.to)+864e5));return I("/api/v1/reports/conversations",{from:t.from,to:u,group_by:t.group_by}).then(g=>d&&i(g),g=>d&&(i(null),r(g))),()=>{d=!1}},[t.from,t.to,t.group_by]);let m=d=>u=>n({...t,[d]:u.currentTarget.value}),c=d=>t.group_by==="workspace"?"All conversations":d?t.group_by==="agent"?He(d):t.group_by==="inbox"?ye(d):l[d]||d:"Nobody",f=Math.max(1,...(a?.rows||[]).map(d=>d.conversations));return o`
    <main class="pane-admin" id="main" tabindex="-1">
      <${M} title="Reports" sub="Conversations started in the range, how fast they were answered and resolved, and what visitors thought." />
      <form class="report-filters field-row" onSubmit=${d=>d.preventDefault()}>
        <label class="field"><span>From</span><input type="date" id="report-from" value=${t.from} max=${t.to} onChange=${m("from")} /></label>
        <label class="field"><span>To</span><input type="date" id="report-to" value=${t.to} min=${t.from} onChange=${m("to")} /></label>
        <label class="field"><span>Split by</span>
          <select id="report-group" value=${t.group_by} onChange=${m("group_by")}>
            ${Object.entries(Zs).map(([d,u])=>o`<option value=${d}>${u}</option>`)}
          </select></label>
      </form>
      ${s&&o`<div class="form-error" role="alert">${s.message}</div>`}
      ${!a&&!s?o`<div class="spinner" role="status" aria-label="Loading the report"></div>`:a&&o`
        <div class="table-wrap">
          <table class="table report-table" aria-label="Report">
            <thead><tr>
              <th scope="col">${Zs[t.group_by]}</th><th scope="col">Conversations</th><th scope="col">Resolved</th>
              <th scope="col">First response (median · p90)</th><th scope="col">Resolution (median · p90)</th>
              <th scope="col">CSAT</th><th scope="col">Rated</th>
            </tr></thead>
            <tbody>
              ${a.rows.map(d=>o`
                <tr key=${d.key} data-key=${d.key}>
                  <th scope="row">${c(d.key)}</th>
                  <td class="report-count"><span class="report-bar" aria-hidden="true" style=${`width:${Math.round(d.conversations/f*60)}px`}></span>${d.conversations}</td>
                  <td>${d.resolved}</td>
                  <td>${Ln(d.first_response.median_seconds)} · ${Ln(d.first_response.p90_seconds)}</td>
                  <td>${Ln(d.resolution.median_seconds)} · ${Ln(d.resolution.p90_seconds)}</td>
                  <td class="report-csat">${d.csat_responses?`${d.csat_average.toFixed(1)} / 5`:"—"}</td>
                  <td>${d.csat_responses?`${d.csat_responses} (${Math.round(d.csat_response_rate*100)} %)`:"0"}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`}
    </main>`}function Oa(){return o`
    <div class="toasts" role="status" aria-live="polite">
      ${gt.value.map(e=>o`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>wa(e.id)}><${xt} size=${16} /></button>
        </div>`)}
    </div>`}var ti=ne(()=>{let e=Object.values(de.value);return e.sort((t,n)=>t.offered_at<n.offered_at?-1:t.offered_at>n.offered_at?1:0),e[0]||null}),Ua=new Set;function jt(e){let t=ti.value;if(!t)return!1;let n=t.conversation_id;return Ua.has(n)||(Ua.add(n),Qo(n,e).then(a=>{e&&a?.status==="assigned"&&j(ue("mine",n))}).finally(()=>Ua.delete(n))),!0}var ei=e=>Math.max(0,Math.ceil((e.deadline-Date.now())/1e3));function ll(e){let t=e?.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||!!e?.isContentEditable}function ni(){let e=ti.value,[,t]=h(0),n=Z(null);x(()=>{if(!e)return;let p=setInterval(()=>{ei(e)<=0&&Ot(e.conversation_id),t(m=>m+1)},250);return()=>clearInterval(p)},[e?.id]),x(()=>{e&&n.current&&!ll(document.activeElement)&&n.current.focus()},[e?.id]);let a=e&&B.value[e.conversation_id],i=a?se(a.contact_id):"A visitor",s=e&&ce.value[e.conversation_id],r=a?ye(a.inbox_id):"",l=Object.keys(de.value).length-1;return o`
    <div class="sr-only" aria-live="assertive">${e?`Conversation offered to you: ${i}. Press a to accept, d to decline.`:""}</div>
    ${e&&o`
      <div class="offer-prompt" role="alertdialog" aria-labelledby="offer-title" aria-describedby="offer-desc" data-offer=${e.conversation_id} data-offer-id=${e.id}>
        <h2 id="offer-title">Conversation offered to you</h2>
        <div id="offer-desc">
          <p><span class="offer-visitor strong">${i}</span>${r&&o` <span class="muted">in ${r}</span>`}</p>
          ${s?.body&&o`<blockquote class="offer-message">${s.body.length>200?s.body.slice(0,200)+"…":s.body}</blockquote>`}
        </div>
        <p class="offer-countdown"><span class="offer-seconds">${ei(e)}</span> s left to answer${l>0?` · ${l} more waiting`:""}</p>
        <div class="offer-actions">
          <button type="button" class="button primary" ref=${n} aria-keyshortcuts="a" onClick=${()=>jt(!0)}>
            Accept <kbd aria-hidden="true">a</kbd></button>
          <button type="button" class="button" aria-keyshortcuts="d" onClick=${()=>jt(!1)}>
            Decline <kbd aria-hidden="true">d</kbd></button>
        </div>
      </div>`}`}var Be=A(!1),cl=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["l","Add a label"],["a","Accept the conversation offered to you"],["d","Decline the conversation offered to you"],["/","Insert a canned response (in the reply box)"],["1 – 4","Queue, Mine, All open, Resolved"],["5","Snoozed"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],On=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function ai(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function oi(e){let t=at.value;if(t.section!=="inbox")return;let n=nt.value[t.list]||[];if(!n.length)return;let a=n.findIndex(i=>i.id===t.conversation);a=a<0?e>0?0:n.length-1:Math.min(n.length-1,Math.max(0,a+e)),j(ue(t.list,n[a].id))}function si(){x(()=>{let e=t=>{if(!ee.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&ai(document.activeElement)){document.activeElement.blur();return}if(ai(t.target)||Be.value)return;let n={1:"queue",2:"mine",3:"open",4:"resolved",5:"snoozed"};switch(t.key){case"j":oi(1);break;case"k":oi(-1);break;case"r":On("reply");break;case"n":On("note");break;case"l":{let a=document.getElementById("add-label");a&&(t.preventDefault(),a.focus());break}case"t":On("take");break;case"a":if(!jt(!0))return;break;case"d":if(!jt(!1))return;break;case"e":On("resolve");break;case"?":Be.value=!0;break;default:if(n[t.key]){j(ue(n[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function ii(){let e=Z(null);return x(()=>{let t=e.current;t&&(Be.value&&!t.open&&t.showModal(),!Be.value&&t.open&&t.close())},[Be.value]),o`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{Be.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${cl.map(([t,n])=>o`<tr><td><kbd>${t}</kbd></td><td>${n}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var dl=[["online","Online"],["away","Away"],["offline","Offline"]],ot=A(""),ri="parley.console.presence";function li(){di(localStorage.getItem(ri)||"online",!0)}async function ci(){try{await b.presence("offline")}catch{}ot.value=""}async function di(e,t){let n=ot.value;ot.value=e,t||localStorage.setItem(ri,e);try{let a=await b.presence(e);a?.status?ot.value=a.status:a?.presence&&(ot.value=a.presence)}catch(a){ot.value=n,t||_(a,"Could not change your status")}}function pi({onLogout:e}){let t=ee.value?.agent||{},n=ot.value||t.presence||"offline";return o`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${Ae} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+n} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence">
        <legend class="sr-only">Your status</legend>
        ${dl.map(([a,i])=>o`
          <label class=${"presence-option"+(n===a?" checked":"")}>
            <input type="radio" name="presence" value=${a} checked=${n===a}
              onChange=${()=>di(a)} />
            <span class=${"presence-dot p-"+a} aria-hidden="true"></span>${i}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${We.value!=="granted"&&We.value!=="unsupported"?o`
          <button type="button" class="button ghost small" onClick=${async()=>{await Po(),We.value==="granted"?C("Notifications are on.","success"):We.value==="denied"&&C("Notifications are blocked in your browser settings.","error")}}><${ts} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${Dt.value} onChange=${a=>zo(a.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{Be.value=!0}} aria-keyshortcuts="?">
            <${os} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${ns} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var pl={queue:$n,mine:xn,open:yt,snoozed:Sn,resolved:_n};function ui(){if(x(()=>{Aa()},[]),x(()=>{ee.value&&(Xo(),Yo(),li())},[ee.value?.agent?.id]),si(),!ya.value)return o`<div class="splash" role="status" aria-live="polite"><${An} /><span class="sr-only">Loading…</span></div>`;if(!ee.value)return o`<${is} onLoggedIn=${async()=>{await Aa(),!at.value.list&&at.value.section!=="admin"&&j(ue("queue"),{replace:!0})}} /><${Oa} />`;let e=at.value;return o`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${ul} />
      ${e.section==="admin"?o`<${js} page=${e.page} id=${e.id} />`:e.section==="visitors"?o`<${Js} />`:e.section==="reports"?o`<${Xs} />`:e.section==="search"?o`<${Gs} q=${e.q} conversation=${e.conversation} seq=${e.seq} />`:o`<${Ys} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${ni} />
    <${ii} />
    <${Oa} />`}function ul(){let e=at.value,t=nt.value,n={queue:t.queue.length,mine:t.mine.length,open:t.open.length,snoozed:null,resolved:null},a=t.mine.reduce((l,p)=>l+(ie.value[p.id]||0),0),i=fe.value==="admin",s=i||fe.value==="supervisor",r=(l,p,m,c,f)=>o`
    <li><a href=${l} class=${"nav-link"+(c?" active":"")} aria-current=${c?"page":void 0}
      onClick=${d=>{!d.metaKey&&!d.ctrlKey&&(d.preventDefault(),j(l))}}>
      <${m} /><span class="nav-label">${p}</span>${f}</a></li>`;return o`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${In} /></div>
      <${fl} />
      <${Qs} q=${e.section==="search"?e.q:""} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","snoozed","resolved"].map(l=>r(ue(l),Ft[l],pl[l],e.section==="inbox"&&e.list===l,o`${l==="mine"&&a>0?o`<span class="badge badge-accent" aria-label=${a+" unread"}>${a}</span>`:n[l]?o`<span class="count" aria-label=${n[l]+" conversations"}>${n[l]}</span>`:null}`))}
        ${r(`${P}/visitors`,"Visitors",wn,e.section==="visitors")}
      </ul>
      ${s&&o`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${i&&r(`${P}/admin/agents`,"Agents",wn,e.section==="admin"&&e.page==="agents")}
          ${i&&r(`${P}/admin/inboxes`,"Inboxes",Na,e.section==="admin"&&e.page==="inboxes")}
          ${i&&r(`${P}/admin/teams`,"Teams",wn,e.section==="admin"&&e.page==="teams")}
          ${i&&r(`${P}/admin/queues`,"Queues",Wt,e.section==="admin"&&e.page==="queues")}
          ${i&&r(`${P}/admin/tokens`,"API tokens",Ea,e.section==="admin"&&e.page==="tokens")}
          ${i&&r(`${P}/admin/sign-in`,"Sign-in",Ea,e.section==="admin"&&e.page==="sign-in")}
          ${i&&r(`${P}/admin/branding`,"Branding",Na,e.section==="admin"&&e.page==="branding")}
          ${i&&r(`${P}/admin/context`,"Customer data",Wt,e.section==="admin"&&e.page==="context")}
          ${i&&r(`${P}/admin/webhooks`,"Webhooks",kn,e.section==="admin"&&e.page==="webhooks")}
          ${i&&r(`${P}/admin/apps`,"Apps",Cn,e.section==="admin"&&e.page==="apps")}
          ${r(`${P}/admin/audit`,"Audit log",Wt,e.section==="admin"&&e.page==="audit")}
          ${r(`${P}/reports`,"Reports",Wt,e.section==="reports")}
        </ul>`}
      <div class="nav-foot">
        <${pi} onLogout=${async()=>{await ci();let l=await I("/api/v1/auth/options").catch(()=>null);try{await To()}catch(p){_(p)}ss({endSessionURL:l?.oidc?.end_session_url||""}),mn(),C("You are signed out.","info")}} />
      </div>
    </nav>`}function fl(){let e=Je.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return o`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&o`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${Eo}><${Tn} size=${14} /></button>`}
    </div>`}Co(()=>{ee.value&&(mn(),C("Your session has ended. Please sign in again.","error"))});Jn(o`<${ui} />`,document.getElementById("app"));

var k,Fn,Xt,ve,Gt,ht,Wn,mt,Bn,Qt,Jt,Ra,Ze=Symbol.for("pv"),vt={},bt=[],Ua=/^m(i|n|o|s|text|space)$/,Zt=Array.isArray,en=bt.slice,Te=Object.assign;function Se(e){e&&e.parentNode&&e.remove()}function et(e,t,n){var o,i,a,r={},s=arguments.length;for(a in t)a=="key"?o=t[a]:a=="ref"&&typeof e!="function"?i=t[a]:r[a]=t[a];return s>2&&(r.children=s>3?en.call(arguments,2):n),Qe(e,r,o,i,null)}function Qe(e,t,n,o,i){var a={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Ze,__v:i||++Fn,__i:-1,__u:0};return!i&&k.vnode&&k.vnode(a),a}function Ae(e){return e.children}function Ee(e,t){this.props=e,this.context=t,this.__g=0}function be(e,t){if(t==null)return e.__&&be(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:be(e)}function Oa(e){var t,n=e.__v,o=n.__e,i=[],a=[],r=e.__P;r&&((t=Te({constructor:Ze},n)).__v=n.__v+1,k.vnode&&k.vnode(t),tn(r,t,n,e.__n,r.namespaceURI,32&n.__u?[o]:null,i,o||be(n),32&n.__u,a),t.__v=n.__v,t.__.__k[t.__i]=t,Xn(i,t,a),n.__=n.__e=null,t.__e!=o&&Vn(t))}function Vn(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),Vn(e)}function jn(e){(8&e.__g||(e.__g|=8,ve.push(e),ht++))&&Gt==k.debounceRendering||((Gt=k.debounceRendering)||queueMicrotask)(Kn)}function Kn(){try{for(var e,t=1;ve.length;)ve.length>t&&ve.sort(Wn),e=ve.shift(),t=ve.length,8&e.__g&&Oa(e)}finally{(ht=ve.length)&&(Gt||queueMicrotask)(Kn)}}function Yn(e,t,n,o,i,a,r,s,p,u,c){var f,m,d,g,v,_,T=o.__k||bt,y=t.length;for(p=ja(n,t,T,p,y),f=0;f<y;f++)(d=n.__k[f])!=null&&(m=~d.__i&&T[d.__i]||vt,d.__i=f,_=tn(e,d,m,i,a,r,s,p,u,c),g=d.__e,(m.ref!=d.ref||8&m.__u)&&(m.ref&&nn(m.ref,null,d,m),d.ref&&c.push(d.ref,d.__c||g,d)),v=v||g,4&d.__u?(p=Gn(d,p,e,!m.__v),m.__e&&(m.__e=null)):typeof d.type=="function"&&_!==void 0?p=_:g&&(p=g.nextSibling),d.__u&=-21);return n.__e=v,p}function ja(e,t,n,o,i){var a,r,s,p,u,c,f,m,d,g=n.length,v=g,_=0,T=0,y=e.__k=Array(i);for(a=0;a<i;a++)(r=t[a])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=y[a]=Qe(null,r):Zt(r)?r=y[a]=Qe(Ae,{children:r}):r.constructor===Ze&&r.__b?r=y[a]=Qe(r.type,r.props,r.key,r.ref,r.__v):y[a]=r,p=a+_,r.__=e,r.__b=e.__b+1,s=null,~(u=r.__i=Ha(r,n,p,v))&&(v--,(s=n[u])&&(s.__u|=2)),s&&s.__v?(r.__u|=16,u==p-1?_--:u==p+1?_++:u!=p&&(u>p?_--:_++,T=1)):(~u||(i>g?_--:i<g&&_++),typeof r.type!="function"&&(r.__u|=4))):y[a]=null;if(T){for(c=[],f=[],a=0;a<i;a++)if((r=y[a])&&16&r.__u){for(_=0,m=c.length;_<m;)c[d=_+m>>1]<r.__i?_=d+1:m=d;c[_]=r.__i,f[a]=_+1}for(_=c.length;a--;)f[a]&&(f[a]==_?_--:y[a].__u|=4)}if(v)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==o&&(o=be(s)),on(s,s));return o}function Gn(e,t,n,o){var i,a,r,s;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=Gn(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=be(e))&&!t.parentNode&&(t=null),r=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(r!=s&&(!o&&n.moveBefore&&r.parentNode?n.moveBefore(r,t):n.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function Ha(e,t,n,o){var i,a=e.key,r=e.type,s=t[n],p=s&&!(2&s.__u);if(s===null&&a==null||p&&a==s.key&&r==s.type)return n;if(o>(p?1:0)){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&r==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&r==s.type)return i}return-1}function Hn(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function ft(e,t,n,o,i){var a,r;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Hn(e.style,t);if(n)for(t in n)o&&n[t]==o[t]||Hn(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof o!="function"&&(o=null),(e.__e||(e.__e={}))[t]=n,n&&o||(r=Jt[t]||(Jt[t]=Fa(t)),(e.__a||(e.__a={}))[t]=Qt,a=t!=(t=t.replace(Bn,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,r,a):e.removeEventListener(t,r,a));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function Fa(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[mt]==null)t[mt]=Qt++;else if(t[mt]<this.__a[e])return;return n(k.event?k.event(t):t)}}}function tn(e,t,n,o,i,a,r,s,p,u){var c,f,m,d,g,v,_,T,y,A,E,b,N,U,re,On,he,Ce,se=t.type;if(t.constructor!==Ze)return null;128&n.__u&&(p=32&n.__u,c=n.__c.__z)&&(t.__u|=p,f=a=[],c.nodeType==8?s=gt(c,a):a.push(c),s=a[0]||s),(c=k.__b)&&c(t);e:if(typeof se=="function"){m=r.length;try{if(T=t.props,y=(c=se.prototype)&&c.render,A=(c=se.contextType)&&o[c.__c],E=c?A?A.props.value:c.__:o,(d=n.__c)?(t.__c=d,2&d.__g&&(d.__g|=1)):(y?t.__c=d=new se(T,E):(t.__c=d=new Ee(T,E),d.constructor=se,d.render=Ba),A&&A.sub(d),d.state||(d.state={}),d.__n=o,d.__g|=8,d.__h=[],d.__k=[]),y&&(d.__s||(d.__s=d.state),se.getDerivedStateFromProps&&(d.__s==d.state&&(d.__s=Te({},d.__s)),Te(d.__s,se.getDerivedStateFromProps(T,d.__s)))),g=d.props,v=d.state,d.__v=t,n.__c){if(T!==g&&y&&!se.getDerivedStateFromProps&&d.componentWillReceiveProps&&d.componentWillReceiveProps(T,E),t.__v==n.__v&&!(8&d.__g)||!(4&d.__g)&&d.shouldComponentUpdate&&d.shouldComponentUpdate(T,d.__s,E)===!1){t.__v!=n.__v&&(d.props=T,d.state=d.__s,d.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(B){B&&(B.__=t)}),bt.push.apply(d.__h,d.__k),d.__k=[],d.__h.length&&r.push(d),s=be(n);break e}d.componentWillUpdate&&d.componentWillUpdate(T,d.__s,E),y&&d.componentDidUpdate&&d.__h.push(function(){d.componentDidUpdate(g,v,_)})}else y&&!se.getDerivedStateFromProps&&d.componentWillMount&&d.componentWillMount(),y&&d.componentDidMount&&d.__h.push(d.componentDidMount);d.context=E,d.props=T,d.__P=e,d.__g&=-5,b=k.__r,N=y?25:0;do d.__g&=-9,b&&b(t),c=d.render(d.props,d.state=d.__s,d.context);while(8&d.__g&&++N<25);y&&(bt.push.apply(d.__h,d.__k),d.__k=[]),d.state=d.__s,d.getChildContext&&(o=Te({},o,d.getChildContext())),y&&n.__c&&d.getSnapshotBeforeUpdate&&(_=d.getSnapshotBeforeUpdate(g,v)),U=c&&c.type===Ae&&c.key==null?c.props.children:c,T.__P&&(c=s,i=(e=T.__P).namespaceURI,p=a=null,n.props&&n.props.__P!=e&&(n.__k.some(function(B){B&&on(B,B)}),n.__k=null),s=n.__k?be(n,0):null),s=Yn(e,Zt(U)?U:[U],t,n,o,i,a,r,s,p,u),T.__P&&(t.__e=null,s=c),t.__u&=-161,f&&f.some(Se),d.__h.length&&r.push(d),1&d.__g&&(d.__g&=-4)}catch(B){if(r.length=m,t.__v=null,p||a)if(B&&B.then){if(t.__u|=128|p,a){for(~(he=a.indexOf(s||void 0))||(he=a.length);(Ce=a[he-1])&&Ce.nodeType==8;)he--;for(;he<a.length;he++)if(Ce=a[he])if(a[he]=null,re){if(Ce==On)break}else{if(Ce.nodeType!=8)break;Ce.data.startsWith("$s")&&(On=gt(re=Ce))}}if(!re){for(;s&&s.nodeType==8&&s.nextSibling;)s=s.nextSibling;re=s}(c=gt(re=t.__c.__z||(t.__c.__z=re)))?(t.__e=re,s=c):t.__e=s,s=s&&s.nextSibling}else a&&a.some(Se);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),B&&B.then||Jn(t),k.__e(B,t,n)}}else s=t.__e=Wa(n.__e,t,n,o,i,a,r,p,u,e);return(c=k.diffed)&&c(t),s}function gt(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Jn(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Jn))}function Xn(e,t,n){for(var o=0;o<n.length;)nn(n[o++],n[o++],n[o++]);k.__c&&k.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(a){a.call(i)})}catch(a){k.__e(a,i.__v)}})}function Wa(e,t,n,o,i,a,r,s,p,u){var c,f,m,d,g,v,_,T,y=n.props||vt,A=t.props,E=t.type;if(E=="svg"?i="http://www.w3.org/2000/svg":E=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),a){for(c=0;c<a.length;c++)if((g=a[c])&&(E?g.localName==E:g.nodeType==3)){e=g,a[c]=null;break}}if(!e){if(T=u.ownerDocument||document,!E)return T.createTextNode(A);e=T.createElementNS(i,E,A.is?A:u),s&&(k.__m&&k.__m(t,a),s=!1),a=null}if(E){if(u=E=="template"&&e.content||e,a=E=="textarea"&&A.defaultValue!=null?null:a&&en.call(u.childNodes),!s&&a)for(y={},c=0;c<e.attributes.length;c++)y[(g=e.attributes[c]).name]=g.value;for(c in y)g=y[c],c=="dangerouslySetInnerHTML"?m=g:c=="children"||c in A||c=="value"&&"defaultValue"in A||c=="checked"&&"defaultChecked"in A||ft(e,c,null,g,i);for(c in A)g=A[c],c=="children"?d=g:c=="dangerouslySetInnerHTML"?f=g:c=="value"?v=g:c=="checked"?_=g:s&&typeof g!="function"||y[c]===g||ft(e,c,g,y[c],i);f?(s||m&&(f.__html==m.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):(m&&(e.textContent=""),(E=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&Ua.test(E))&&(i="http://www.w3.org/1999/xhtml"),Yn(u,Zt(d)?d:[d],t,n,o,i,a,r,a?a[0]:n.__k&&be(n,0),s,p),a&&a.some(Se)),s&&E!="textarea"||(c="value",E=="progress"&&v==null?e.removeAttribute(c):v==null||v===e[c]&&(E!="progress"||v)||ft(e,c,v,y[c],i),c="checked",_!=null&&_!=e[c]&&ft(e,c,_,y[c],i))}else y===A||s&&e.data==A||(e.data=A);return e}function nn(e,t,n,o){try{typeof e=="function"?t?t.__x=e(t)||1:o&&(o=o.__c||o.__e)&&(t=o.__x)&&(o.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){k.__e(i,n)}}function on(e,t,n){var o,i,a,r;if(k.unmount&&k.unmount(e),!(o=e.ref)||o.current&&o.current!=e.__e||nn(o,null,t,e),o=e.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(s){k.__e(s,t)}o.__P=o.__n=null}if(o=e.__k)for(r=0;r<o.length;r++)o[r]&&on(o[r],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(o=e.__c)&&(o=o.__z)&&(i=gt(o,a=[]))&&(o==e.__e&&a.some(Se),Se(i),Se(o)),n||Se(e.__e),e.__e=e.__c=e.__=null}function Ba(e,t,n){return this.constructor(e,n)}function an(e,t){var n,o,i,a;k.__&&k.__(e,t),t.nodeType==9&&(t=t.documentElement),o=(n=e&&32&e.__u)?null:t.__k,t.__k=Qe(Ae,{children:[e]}),i=[],a=[],tn(t,t.__k,o||vt,vt,t.namespaceURI,o?null:t.firstChild?en.call(t.childNodes):null,i,o?o.__e:t.firstChild,n,a),Xn(i,t.__k,a),t.__k.props.children=null}k={__e:function(e,t,n,o){for(var i,a,r;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((r=(a=i.constructor)&&a.getDerivedStateFromError)&&i.setState(a.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,o||{}),r=1),r&&8&i.__g)return void(i.__g|=2)}catch(s){e=s}}throw ht=0,e}},Fn=0,Xt=function(e){return e!=null&&e.constructor===Ze},Ee.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=Te({},this.state)),typeof e=="function"&&(e=e(Te({},n),this.props)),e&&(Te(n,e),this.__v&&(t&&this.__k.push(t),jn(this)))},Ee.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),jn(this))},Ee.prototype.render=Ae,ve=[],ht=0,Wn=function(e,t){return e.__v.__b-t.__v.__b},mt=Symbol(),Bn=/(PointerCapture)$|Capture$/i,Qt=0,Jt={},Ra=0;var Zn=function(e,t,n,o){var i;t[0]=0;for(var a=1;a<t.length;a++){var r=t[a++],s=t[a]?(t[0]|=r?1:2,n[t[a++]]):t[++a];r===3?o[0]=s:r===4?o[1]=Object.assign(o[1]||{},s):r===5?(o[1]=o[1]||{})[t[++a]]=s:r===6?o[1][t[++a]]+=s+"":r?(i=e.apply(s,Zn(e,s,n,["",null])),o.push(i),s[0]?t[0]|=2:(t[a-2]=0,t[a]=i)):o.push(s)}return o},Qn=new Map;function eo(e){var t=Qn.get(this);return t||(t=new Map,Qn.set(this,t)),(t=Zn(this,t.get(e)||(t.set(e,t=(function(n){for(var o,i,a=1,r="",s="",p=[0],u=function(m){a===1&&(m||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,m,r):a===3&&(m||r)?(p.push(3,m,r),a=2):a===2&&r==="..."&&m?p.push(4,m,0):a===2&&r&&!m?p.push(5,0,!0,r):a>=5&&((r||!m&&a===5)&&(p.push(a,0,r,i),a=6),m&&(p.push(a,m,0,i),a=6)),r=""},c=0;c<n.length;c++){c&&(a===1&&u(),u(c));for(var f=0;f<n[c].length;f++)o=n[c][f],a===1?o==="<"?(u(),p=[p],a=3):r+=o:a===4?r==="--"&&o===">"?(a=1,r=""):r=o+r[0]:s?o===s?s="":r+=o:o==='"'||o==="'"?s=o:o===">"?(u(),a=1):a&&(o==="="?(a=5,i=r,r=""):o==="/"&&(a<5||n[c][f+1]===">")?(u(),a===3&&(p=p[0]),a=p,(p=p[0]).push(2,0,a),a=0):o===" "||o==="	"||o===`
`||o==="\r"?(u(),a=2):r+=o),a===3&&r==="!--"&&(a=4,p=p[0])}return u(),p})(e)),t),arguments,[])).length>1?t:t[0]}var l=eo.bind(et);var Ue,M,rn,to,sn=Object.is,xt=0,po=[],ln=[],I=k,no=I.__b,oo=I.__r,ao=I.diffed,io=I.__c,ro=I.unmount,so=I.__;function _t(e,t){I.__h&&I.__h(M,e,xt||t),xt=0;var n=M.__H||(M.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function h(e){return xt=1,Va(fo,e)}function Va(e,t,n){var o=_t(Ue++,2);if(o.t=e,!o.__c&&(o.__=[n?n(t):fo(void 0,t),function(a){var r=(o.__N||o.__)[0],s=o.t(r,a);sn(r,s)||(o.__N=[s,o.__[1]],o.__c.setState({}))}],o.__c=M,!M.__f)){M.__f=!0;var i=M.shouldComponentUpdate;M.shouldComponentUpdate=function(a,r,s){var p=this.__H;if(!p)return!0;var u=!1,c=this.props!=a;if(p.__.some(function(m){m.__N&&(u=!0,sn(m.__[0],m.__N[0])||(c=!0))}),i){var f=i.call(this,a,r,s);return u?f||c:f}return!u||c}}return o.__}function $(e,t){var n=_t(Ue++,3);!I.__s&&dn(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,M.__H.__h.push(n))}function uo(e,t){var n=_t(Ue++,4);!I.__s&&dn(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,M.__h.push(n))}function G(e){return xt=5,yt(function(){return{current:e}},[])}function yt(e,t){var n=_t(Ue++,7);return dn(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Ka(){var e;do{for(;e=ln.shift();)try{tt(e)}catch(n){I.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=po.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(tt),t.__h.some(cn),t.__h=[]}catch(n){t.__h=[],I.__e(n,e.__v)}}}while(ln.length)}I.__b=function(e){M=null,no&&no(e)},I.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),so&&so(e,t)},I.__r=function(e){oo&&oo(e),Ue=0;var t=(M=e.__c).__H;t&&(rn==M?M.__h=[]:(t.__h.some(tt),t.__h.some(cn),Ue=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),rn=M},I.diffed=function(e){ao&&ao(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&co(po.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),rn=M=null},I.__c=function(e,t){t.some(function(n){try{n.__h.some(tt),n.__h=n.__h.filter(function(o){return!o.__||cn(o)})}catch(o){n.__h=[function(){throw o}]}}),io&&io(e,t)},I.unmount=function(e){ro&&ro(e);var t,n,o=e.__c;o&&o.__H&&(o.__H.__.some(function(i){try{if(i.__P&&i.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}i.__P=n,co(ln.push(i))}else tt(i)}catch(a){t=a}}),o.__H=void 0,t&&I.__e(t,o.__v))};var lo=typeof requestAnimationFrame=="function";function Ya(e){var t,n=function(){clearTimeout(o),lo&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);lo&&(t=requestAnimationFrame(n))}function co(e){e!=1&&to==I.requestAnimationFrame||((to=I.requestAnimationFrame)||Ya)(Ka)}function tt(e){var t=M,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),M=t}function cn(e){var t=M;e.__c=e.__(),M=t}function dn(e,t){return!e||e.length!=t.length||t.some(function(n,o){return!sn(n,e[o])})}function fo(e,t){return typeof t=="function"?t(e):t}var Ga=Symbol.for("preact-signals");function Ct(){if(le>1)le--;else{var e,t=!1;for((function(){var i=$t;for($t=void 0;i!==void 0;){var a=i.S;if(a.v===i.v)for(var r=a.t;r!==void 0;r=r.x)r.i===i.i&&(r.i=a.i);i=i.o}})();ot!==void 0;){var n=ot;for(ot=void 0,wt++;n!==void 0;){var o=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&go(n))try{n.c()}catch(i){t||(e=i,t=!0)}n=o}}if(wt=0,le--,t)throw e}}function xe(e){if(le>0)return e();pn=++Ja,le++;try{return e()}finally{Ct()}}var nt,P=void 0;function at(e){var t=P,n=nt;P=void 0,nt=void 0;try{return e()}finally{P=t,nt=n}}var ot=void 0,le=0,wt=0,Ja=0,pn=0,$t=void 0,kt=0;function mo(e){if(P!==void 0){var t=e.n;if(t===void 0||t.t!==P)return t={i:0,S:e,p:P.s,n:void 0,t:P,e:void 0,x:void 0,r:t},P.s!==void 0&&(P.s.n=t),P.s=t,e.n=t,32&P.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=P.s,t.n=void 0,P.s.n=t,P.s=t),t}}function L(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}L.prototype.brand=Ga;L.prototype.h=function(){return!0};L.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n!==void 0?n.e=e:at(function(){var o;(o=t.W)==null||o.call(t)}))};L.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,o=e.x;n!==void 0&&(n.x=o,e.e=void 0),o!==void 0&&(o.e=n,e.x=void 0),e===this.t&&(this.t=o,o===void 0&&at(function(){var i;(i=t.Z)==null||i.call(t)}))}};L.prototype.subscribe=function(e){var t=this;return ce(function(){var n=t.value;at(function(){return e(n)})},{name:"sub"})};L.prototype.valueOf=function(){return this.value};L.prototype.toString=function(){return this.value+""};L.prototype.toJSON=function(){return this.value};L.prototype.peek=function(){var e=this;return at(function(){return e.value})};Object.defineProperty(L.prototype,"value",{get:function(){var e=mo(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(wt>100)throw new Error("Cycle detected");(function(n){le!==0&&wt===0&&n.l!==pn&&(n.l=pn,$t={S:n,v:n.v,i:n.i,o:$t})})(this),this.v=e,this.i++,kt++,le++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{Ct()}}}});function w(e,t){return new L(e,t)}function go(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function ho(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function vo(e){for(var t=e.s,n=void 0;t!==void 0;){var o=t.p;t.i===-1?(t.S.U(t),o!==void 0&&(o.n=t.n),t.n!==void 0&&(t.n.p=o)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=o}e.s=n}function Ne(e,t){L.call(this,void 0,t),this.x=e,this.s=void 0,this.g=kt-1,this.f=4}Ne.prototype=new L;Ne.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===kt))return!0;if(this.g=kt,this.f|=1,this.i>0&&!go(this))return this.f&=-2,!0;var e=P;try{ho(this),P=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(n){this.v=n,this.f|=16,this.i++}return P=e,vo(this),this.f&=-2,!0};Ne.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}L.prototype.S.call(this,e)};Ne.prototype.U=function(e){if(this.t!==void 0&&(L.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};Ne.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(Ne.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=mo(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function O(e,t){return new Ne(e,t)}function bo(e){var t=e.j;if(e.j=void 0,typeof t=="function"){le++;var n=P;P=void 0;try{t()}catch(o){throw e.f&=-2,e.f|=8,un(e),o}finally{P=n,Ct()}}}function un(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,bo(e)}function Xa(e){if(P!==this)throw new Error("Out-of-order effect");vo(this),P=e,this.f&=-2;try{8&this.f&&un(this)}finally{Ct()}}function Oe(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,nt&&nt.push(this)}Oe.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};Oe.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,bo(this),ho(this),le++;var e=P;return P=this,Xa.bind(this,e)};Oe.prototype.N=function(){2&this.f||(this.f|=2,this.u=ot,ot=this)};Oe.prototype.d=function(){this.f|=8,1&this.f||un(this)};Oe.prototype.dispose=function(){this.d()};function ce(e,t){var n=new Oe(e,t);try{n.c()}catch(i){throw n.d(),i}var o=n.d.bind(n);return o[Symbol.dispose]=o,o}var xo,Tt,St,Qa=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var _o=[];ce(function(){xo=this.N})();function je(e,t){k[e]=t.bind(null,k[e]||function(){})}function it(e){if(St){var t=St;St=void 0,t()}St=e&&e.S()}function yo(e){var t=this,n=e.data,o=ei(n);o.name="ReactiveDom",o.value=n;var i=yt(function(){for(var s=t,p=t.__v;p=p.__;)if(p.__c){p.__c.__$f|=4;break}var u=O(function(){var d=o.value.value;return d===0?0:d===!0?"":d||""}),c=O(function(){return!Array.isArray(u.value)&&!Xt(u.value)}),f=ce(function(){if(this.N=wo,c.value){var d=u.value;s.__v&&s.__v.__e&&s.__v.__e.nodeType===3&&(s.__v.__e.data=d)}}),m=t.__$u.d;return t.__$u.d=function(){f(),m.call(this)},[c,u]},[]),a=i[0],r=i[1];return a.value?r.peek():r.value}yo.displayName="ReactiveTextNode";Object.defineProperties(L.prototype,{constructor:{configurable:!0,value:et(Ae,null).constructor},type:{configurable:!0,value:yo},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});je("__b",function(e,t){if(it(),Tt=void 0,typeof t.type=="string"){var n,o=t.props;for(var i in o)if(i!=="children"){var a=o[i];a instanceof L&&(n||(t.__np=n={}),n[i]=a,o[i]=a.peek())}}e(t)});je("__r",function(e,t){if(e(t),t.type!==Ae){it();var n,o=t.__c;o&&(o.__$f&=-2,(n=o.__$u)===void 0&&(o.__$u=n=(function(i,a){var r;return ce(function(){r=this},{name:a}),r.c=i,r})((function(i){return function(){var a;Qa&&((a=this.y)==null||a.call(this)),i.__$f|=1,i.setState({})}})(o),typeof t.type=="function"?t.type.displayName||t.type.name:""))),Tt=o,it(n)}});je("__e",function(e,t,n,o){it(),Tt=void 0,e(t,n,o)});je("diffed",function(e,t){it(),Tt=void 0;var n;if(typeof t.type=="string"&&(n=t.__e)){var o=t.__np,i=t.props,a=n.U;if(a)for(var r in a){var s=a[r];s===void 0||o&&r in o||(s.d(),a[r]=void 0)}if(o){a||(a={},n.U=a);for(var p in o){var u=a[p],c=o[p];u===void 0?(u=Za(n,p,c,i),a[p]=u):u.o(c,i)}}}e(t)});function Za(e,t,n,o){var i=t in e&&e.ownerSVGElement===void 0,a=w(n);return{o:function(r,s){a.value=r,o=s},d:ce(function(){this.N=wo;var r=a.value.value;o[t]!==r&&(o[t]=r,i?e[t]=r:r!=null&&(r!==!1||t[4]==="-")?e.setAttribute(t,r):e.removeAttribute(t))})}}je("unmount",function(e,t){if(typeof t.type=="string"){var n=t.__e;if(n){var o=n.U;if(o){n.U=void 0;for(var i in o){var a=o[i];a&&a.d()}}}var r=t.__np;if(r){var s=t.props;for(var p in r)s[p]=r[p]}t.__np=void 0}else{var u=t.__c;if(u){u.__$f|=8;var c=u.__$u;c&&(u.__$u=void 0,c.d())}}e(t)});je("__h",function(e,t,n,o){o<3&&(t.__$f|=2),e(t,n,o)});Ee.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,o=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var a=2&this.__$f;if(!(o||a||4&this.__$f)||1&this.__$f)return!0}else if(!(o||4&this.__$f)||3&this.__$f)return!0;for(var r in e)if(r!=="__source"&&e[r]!==this.props[r])return!0;for(var s in this.props)if(!(s in e))return!0;return!1};function ei(e,t){return yt(function(){return w(e,t)},[])}var ti=function(e){queueMicrotask(function(){queueMicrotask(e)})};function ni(){xe(function(){for(var e;e=_o.shift();)xo.call(e)})}function wo(){_o.push(this)===1&&(k.requestAnimationFrame||ti)(ni)}var $o="parley_csrf",oi="X-CSRF-Token",He=ko($o);function ko(e){for(let t of document.cookie.split(";")){let[n,...o]=t.trim().split("=");if(n===e)return decodeURIComponent(o.join("="))}return""}var Fe=class extends Error{constructor(t,n){super(n?.detail||n?.title||`Request failed (${t})`),this.status=t,this.code=n?.code||"",this.reason=n?.reason||"",this.fields=n?.errors||[]}};async function de(e,t,{body:n,query:o,headers:i={},raw:a}={}){let r=t;if(o){let m=new URLSearchParams;for(let[g,v]of Object.entries(o))v==null||v===""||(Array.isArray(v)?v.forEach(_=>m.append(g,_)):m.set(g,String(v)));let d=m.toString();d&&(r+="?"+d)}let s={Accept:"application/json",...i};e!=="GET"&&e!=="HEAD"&&(He||(He=ko($o)),He&&(s[oi]=He));let p;a!==void 0?p=a:n!==void 0&&(s["Content-Type"]="application/json",p=JSON.stringify(n));let u;try{u=await fetch(r,{method:e,headers:s,body:p,credentials:"same-origin"})}catch{throw new Fe(0,{detail:"The server cannot be reached. Check your connection."})}if(u.status===204)return null;let c=await u.text(),f=null;if(c)try{f=JSON.parse(c)}catch{f=null}if(!u.ok){let m=new Fe(u.status,f);throw u.status===401&&fn&&!t.endsWith("/auth/login")&&fn(m),m}return f}var fn=null;function Co(e){fn=e}var z=(e,t)=>de("GET",e,{query:t}),K=(e,t,n)=>de("POST",e,{body:t,query:n}),At=(e,t)=>de("PATCH",e,{body:t}),mn=(e,t)=>de("PUT",e,{body:t}),ai=e=>de("DELETE",e);async function Et(e,t={},n=1e3){let o=[],i="";do{let a=await z(e,{...t,limit:200,cursor:i});o.push(...a.items||[]),i=a.next_cursor||""}while(i&&o.length<n);return o}async function So(e,t,n){let o=await K("/api/v1/auth/login",{email:e,password:t,workspace:n||void 0});return He=o.csrf_token,o}async function To(){try{await K("/api/v1/auth/logout")}finally{He=""}}var V=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,x={conversations:e=>Et("/api/v1/conversations",e),conversation:e=>z(V(e)),messages:(e,t)=>z(V(e)+"/messages",t),send:(e,t)=>K(V(e)+"/messages",t),assign:(e,t)=>K(V(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,n)=>K(V(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:n}),unassign:(e,t)=>K(V(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>K(V(e)+"/resolve"),reopen:e=>K(V(e)+"/reopen"),markRead:(e,t)=>K(V(e)+"/read",{seq:t}),unread:e=>z(V(e)+"/unread"),readStates:e=>z(V(e)+"/read-states"),upload:(e,t)=>de("POST",V(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>z(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>Et("/api/v1/agents"),createAgent:e=>K("/api/v1/agents",e),updateAgent:(e,t)=>At(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>Et("/api/v1/inboxes"),createInbox:e=>K("/api/v1/inboxes",e),updateInbox:(e,t)=>At(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>Et("/api/v1/tokens"),createToken:e=>K("/api/v1/tokens",e),revokeToken:e=>ai(`/api/v1/tokens/${encodeURIComponent(e)}`),audit:e=>z("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>mn("/api/v1/me/presence",{status:e})};var Pe=w("connecting"),gn=new Set,pe=new Map,te=null,rt=1e3,hn=0,ii=1,st=!0,We=new Map;function Eo(e){return gn.add(e),()=>gn.delete(e)}function Ao(){st&&(st=!1,vn())}function No(){st=!0,clearTimeout(hn),pe.clear(),te&&te.close(1e3),te=null}function vn(){Pe.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);te=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=n=>{let o;try{o=JSON.parse(n.data)}catch{return}if(o.type==="ready"){Pe.value="online",rt=1e3,Be({type:"subscribe_feed"}).catch(()=>{});for(let[i,a]of pe)Be({type:"subscribe",conversation_id:i,after_seq:a}).catch(()=>{})}if(o.type==="message"&&o.message){let i=pe.get(o.conversation_id);i!==void 0&&o.message.seq>i&&pe.set(o.conversation_id,o.message.seq)}if(o.type==="subscribed"){let i=pe.get(o.conversation_id);i!==void 0&&pe.set(o.conversation_id,Math.max(i,o.last_seq))}if(o.id&&We.has(o.id)){let i=We.get(o.id);We.delete(o.id),o.type==="error"?i.reject(o):i.resolve(o)}for(let i of gn)try{i(o)}catch(a){console.error(a)}},t.onclose=n=>{if(te!==t)return;te=null;for(let i of We.values())i.reject({code:"unavailable",message:"disconnected"});if(We.clear(),st||(Pe.value="offline",n.code===1008&&n.reason==="no session cookie"))return;let o=Math.min(rt,3e4)*(.8+Math.random()*.4);rt=Math.min(rt*2,3e4),hn=setTimeout(vn,o)}}function Po(){st||te||(clearTimeout(hn),rt=1e3,vn())}function Be(e){return new Promise((t,n)=>{if(!te||te.readyState!==WebSocket.OPEN||Pe.value!=="online"){n({code:"unavailable",message:"not connected"});return}let o="c"+ii++;We.set(o,{resolve:t,reject:n}),te.send(JSON.stringify({...e,id:o}))})}function bn(e,t){let n=pe.get(e);n!==void 0&&n>=t||(pe.set(e,t),Pe.value==="online"&&Be({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var Io=e=>pe.has(e);function Mo(e,t){Be({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var zo="parley.console.sound",_e=w(typeof Notification>"u"?"unsupported":Notification.permission),lt=w(localStorage.getItem(zo)!=="off"),J=null;async function Do(){if(xn(),!(typeof Notification>"u"))try{_e.value=await Notification.requestPermission()}catch{_e.value=Notification.permission}}function qo(e){lt.value=e,localStorage.setItem(zo,e?"on":"off"),e&&xn()}function xn(){let e=window.AudioContext||window.webkitAudioContext;e&&(J||(J=new e),J.state==="suspended"&&J.resume().catch(()=>{}))}function Ro(e){e.isTrusted&&lt.value&&J?.state!=="running"&&xn()}document.addEventListener("pointerdown",Ro,!0);document.addEventListener("keydown",Ro,!0);function ri(){if(!lt.value||!J||J.state!=="running")return;let e=J.currentTime;[[880,0],[1318.5,.12]].forEach(([t,n])=>{let o=J.createOscillator(),i=J.createGain();o.type="sine",o.frequency.value=t,i.gain.setValueAtTime(1e-4,e+n),i.gain.exponentialRampToValueAtTime(.18,e+n+.02),i.gain.exponentialRampToValueAtTime(1e-4,e+n+.35),o.connect(i).connect(J.destination),o.start(e+n),o.stop(e+n+.4)})}function _n(e,t,n){if(document.hidden&&(ri(),_e.value==="granted"))try{let o=new Notification(e,{body:t.slice(0,140),tag:n,icon:void 0});o.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:n})),o.close()}}catch{}}var q=w(null),En=w(!1),j=w({}),X=w({}),H=w({}),ne=w({}),we=w([]),Me=w([]),D=w({}),Ie=w({}),oe=w({}),Ve=w({}),Nt=w(!0),dt=w(!1),Ke=w([]),ye=w(""),Q=O(()=>q.value?.agent?.id||""),ue=O(()=>q.value?.agent?.role||""),gr=O(()=>new Set(q.value?.scopes||[]));var yn=(e,t)=>t.updated_at>e.updated_at?1:t.updated_at<e.updated_at?-1:0,si=(e,t)=>e.created_at<t.created_at?-1:e.created_at>t.created_at?1:0,Le=O(()=>{let e=Object.values(j.value),t=Q.value;return{queue:e.filter(n=>n.status==="pending").sort(si),mine:e.filter(n=>n.status==="assigned"&&n.assignee_id===t).sort(yn),open:e.filter(n=>n.status==="pending"||n.status==="assigned").sort(yn),resolved:e.filter(n=>n.status==="resolved").sort(yn)}}),hr=O(()=>Le.value.mine.reduce((e,t)=>e+(H.value[t.id]||0),0)),li=0;function C(e,t="info"){let n=++li;Ke.value=[...Ke.value,{id:n,text:e,kind:t}],setTimeout(()=>An(n),t==="error"?8e3:4e3)}function An(e){Ke.value=Ke.value.filter(t=>t.id!==e)}function S(e,t){let n=e instanceof Fe||e?.message?e.message:String(e),o=(e?.fields||[]).map(i=>i.message).filter(Boolean);o.length&&(n=o.join("; ")),C(t?`${t}: ${n}`:n,"error")}function fe(e){if(!e?.id)return;let t=j.value[e.id];t&&t.updated_at>e.updated_at||(j.value={...j.value,[e.id]:{...t,...e}})}var jo=e=>e.status==="pending"||e.status==="assigned";async function Ho(){Nt.value=!0,Ao();try{let[e,t,n]=await Promise.all([x.conversations({status:"pending,assigned"}),x.agents().catch(()=>[]),x.inboxes().catch(()=>[])]);xe(()=>{we.value=t,Me.value=n;for(let o of e)fe(o)});for(let o of e)Wo(o);Mt(e.map(o=>o.id))}catch(e){S(e,"Could not load conversations")}finally{Nt.value=!1}}async function Fo(){if(!dt.value)try{let e=await x.conversations({status:"resolved"});xe(()=>{for(let t of e)fe(t)}),dt.value=!0}catch(e){S(e,"Could not load resolved conversations")}}function It(){No(),Tn.clear(),xe(()=>{q.value=null,j.value={},X.value={},H.value={},ne.value={},D.value={},Ie.value={},dt.value=!1,ye.value=""})}function Wo(e){jo(e)&&bn(e.id,Math.max(0,e.last_seq-1))}var Pt=[],Sn=new Set,ct={},wn=0,Nn=e=>ye.value===e&&!document.hidden;function Mt(e){for(let t of e)Sn.has(t)||(Sn.add(t),Pt.push(t));for(;wn<4&&Pt.length;)wn++,ci().finally(()=>{wn--})}async function ci(){for(;Pt.length;){let e=Pt.shift();Sn.delete(e);let t=ct[e]=(ct[e]||0)+1;try{let n=await x.unread(e);ct[e]===t&&!Nn(e)&&(H.value={...H.value,[e]:n.count})}catch{}}}var Tn=new Map,$n=new Map;function $e(e,t=!1){if(!e)return;let n=Tn.get(e);if(!(n!==void 0&&!t)){if(n!==void 0&&Date.now()-n<3e3){$n.has(e)||$n.set(e,setTimeout(()=>{$n.delete(e),$e(e,!0)},3e3-(Date.now()-n)));return}Tn.set(e,Date.now()),x.contact(e).then(o=>{ne.value={...ne.value,[e]:o}},()=>{ne.value[e]||(ne.value={...ne.value,[e]:{id:e,missing:!0}})})}}var Bo=e=>{let t=ne.value[e];return!!t&&!t.missing&&!t.name};function me(e){let t=ne.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function Ye(e){return e?e===Q.value?"you":we.value.find(t=>t.id===e)?.name||"an agent":""}function ze(e){let t=Me.value.find(n=>n.id===e)?.name;return!t&&e&&di(),t||""}var kn=null,Uo=0;function di(){kn||Date.now()-Uo<1e4||(kn=x.inboxes().then(e=>{Me.value=e},()=>{}).finally(()=>{kn=null,Uo=Date.now()}))}function Lt(e,t){let n=new Map(e.map(o=>[o.seq,o]));for(let o of t)n.set(o.seq,o);return[...n.values()].sort((o,i)=>o.seq-i.seq)}async function Vo(e){ye.value=e;let t=j.value[e];try{t||(t=await x.conversation(e),fe(t)),$e(t.contact_id,!0);let o=(await x.messages(e,{before_seq:t.last_seq+1,limit:50})).items||[];D.value={...D.value,[e]:Lt(D.value[e]||[],o)};let i=o[o.length-1];i&&!(X.value[e]?.seq>=i.seq)&&(X.value={...X.value,[e]:i}),Ie.value={...Ie.value,[e]:o.length>0&&o[0].seq>1&&o.length===50},bn(e,o.length?o[o.length-1].seq:t.last_seq),x.readStates(e).then(a=>{let r=(a.items||[]).find(s=>s.participant.type==="contact");r&&(Ve.value={...Ve.value,[e]:r.last_read_seq})}).catch(()=>{}),pt(e)}catch(n){S(n,"Could not open the conversation")}}async function Ko(e){let t=D.value[e]||[];if(t.length)try{let o=(await x.messages(e,{before_seq:t[0].seq,limit:50})).items||[];D.value={...D.value,[e]:Lt(D.value[e]||[],o)},Ie.value={...Ie.value,[e]:o.length===50&&o[0].seq>1}}catch(n){S(n,"Could not load earlier messages")}}var Cn={};function pt(e){if(document.hidden||ye.value!==e)return;let t=D.value[e]||[],n=j.value[e],o=Math.max(t.length?t[t.length-1].seq:0,n?.last_seq||0);o>0&&(Cn[e]||0)<o&&(Cn[e]=o,Be({type:"read",conversation_id:e,seq:o}).catch(()=>x.markRead(e,o)).catch(()=>{Cn[e]=0})),ct[e]=(ct[e]||0)+1,H.value[e]&&(H.value={...H.value,[e]:0})}function Pn(e){let t=e.conversation_id;D.value[t]&&(D.value={...D.value,[t]:Lt(D.value[t],[e])}),X.value={...X.value,[t]:e}}function pi(e){let t=e.message,n=e.conversation_id,o=j.value[n],i=o&&t.seq>o.last_seq,a=t.sender?.type==="agent"&&t.sender.id===Q.value;if(xe(()=>{D.value[n]&&(D.value={...D.value,[n]:Lt(D.value[n],[t])});let r=X.value[n];if((!r||r.seq<=t.seq)&&(X.value={...X.value,[n]:t}),i&&(j.value={...j.value,[n]:{...o,last_seq:t.seq,updated_at:t.created_at>o.updated_at?t.created_at:o.updated_at}}),t.sender?.type==="contact"){let s={...oe.value};delete s[n],oe.value=s}}),o&&t.sender?.type==="contact"&&Bo(o.contact_id)&&$e(o.contact_id,!0),!(!i||a||t.kind==="event")){if(Nn(n)){pt(n);return}H.value={...H.value,[n]:(H.value[n]||0)+1},Mt([n]),o.status==="assigned"&&o.assignee_id===Q.value&&t.sender?.type==="contact"&&_n(`New message from ${me(o.contact_id)}`,t.body||"Sent a file",`/console/mine/${n}`)}}function Oo(e,t){let n=j.value[e.id];fe(e),$e(e.contact_id,Bo(e.contact_id)),jo(e)&&!Io(e.id)&&(Wo(e),Mt([e.id])),t==="conversation.queued"&&(!n||n.status!=="pending")&&_n("New conversation waiting",`${me(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}Eo(e=>{switch(e.type){case"message":e.message&&pi(e);break;case"message.updated":case"message.deleted":e.message&&Pn(e.message);break;case"conversation":e.conversation&&Oo(e.conversation,e.event);break;case"event":e.event?.payload?.conversation&&Oo(e.event.payload.conversation,e.event.type);break;case"subscribed":if(e.conversation){let t=j.value[e.conversation.id]?.last_seq||0;fe(e.conversation),e.conversation.last_seq>t&&!Nn(e.conversation.id)&&Mt([e.conversation.id])}break;case"typing":(e.by?.type==="contact"||e.by?.id!==Q.value)&&(oe.value={...oe.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(Ve.value={...Ve.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&ye.value&&pt(ye.value)});async function In(){try{let e=await z("/api/v1/me");if(e.kind!=="agent"){q.value=null;return}q.value=e}catch{q.value=null}finally{En.value=!0}}var ge="/console",zt=w(location.pathname),De=O(()=>{let e=zt.value.slice(ge.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="admin"?{section:"admin",page:e[1]||"agents"}:{section:"inbox",list:["queue","mine","open","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function Z(e,{replace:t=!1}={}){e!==zt.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),zt.value=e)}var ee=(e,t)=>`${ge}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{zt.value=location.pathname});window.addEventListener("parley:navigate",e=>Z(e.detail));var ae=w({}),Ge=O(()=>ae.value.product_name||"Parley");async function Yo(){try{ae.value=await z("/api/v1/branding")}catch{}}ce(()=>{let e=ae.value;document.title=`${Ge.value} console`;let t=document.documentElement.style;e.color?(t.setProperty("--accent",e.color),t.setProperty("--accent-hover",e.color)):(t.removeProperty("--accent"),t.removeProperty("--accent-hover"))});var R=e=>({size:t=18}={})=>l`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,Dt=R(l`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),qt=R(l`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),Je=R(l`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),Rt=R(l`<path d="M20 6 9 17l-5-5"/>`),Go=R(l`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),Mn=R(l`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Jo=R(l`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),Ln=R(l`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),Xo=R(l`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),Qo=R(l`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),Ut=R(l`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),Zo=R(l`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),ea=R(l`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),ta=R(l`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),na=R(l`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),Ot=R(l`<path d="M18 6 6 18M6 6l12 12"/>`),jt=R(l`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),oa=R(l`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),aa=R(l`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),Ht=()=>l`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function Ft(){let e=ae.value.logo_url;return l`${e?l`<img class="brand-logo" src=${e} alt="" data-brand-logo />`:l`<${Ht} />`}<span data-product-name>${Ge.value}</span>`}var ui={oidc_state:"That sign-in expired or was started in another browser. Please try again.",oidc_unavailable:"The identity provider cannot be reached. Try again later.",oidc_id_token:"The identity provider’s answer could not be verified. Ask an administrator.",oidc_off:"Single sign-on is not set up for this workspace.",oidc_provider_error:"The identity provider did not sign you in.",no_account:"You have no account in this workspace yet. Ask an administrator to create yours.",no_role:"Your identity gives you no role in this workspace. Ask an administrator.",identity_invalid:"Your identity has no email address Parley can use, or is linked to another account.",unauthorized:"Your account cannot sign in. It may be disabled.",rate_limited:"Too many sign-ins from your address. Try again later."},zn=null;function ia(e){zn=e}function ra({onLoggedIn:e}){let t=new URLSearchParams(location.search),[n,o]=h(""),[i,a]=h(""),[r,s]=h(t.get("workspace")||""),[p,u]=h(!!t.get("workspace")),[c,f]=h(()=>{let b=t.get("signin_error");return b?ui[b]||"Single sign-on failed. Please try again.":""}),[m,d]=h(!1),[g,v]=h(null),[_]=h(()=>{let b=zn;return zn=null,b});$(()=>{let b=r.trim(),N=setTimeout(()=>{z("/api/v1/auth/options",b?{workspace:b}:void 0).then(U=>{v(U),ae.value=U.branding||{}}).catch(()=>v({password:"local",oidc:{}}))},b?300:0);return()=>clearTimeout(N)},[r]);async function T(b){b.preventDefault(),d(!0),f("");try{await So(n.trim(),i,r.trim()),await e()}catch(N){f(N.status===401?"The email or password is not right.":N.message),d(!1)}}let y=ae.value,A=g?.password!=="off",E=g?.oidc?.enabled;return l`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${T} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${Ft} /></div>
        <h1 id="login-title">${y.sign_in_title||`Sign in to ${Ge.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${_&&l`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${Ge.value}.
          ${_.endSessionURL&&l` <a href=${_.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${c&&l`<div class="form-error" role="alert" id="login-error">${c}</div>`}
        ${E&&l`
          <a class="button primary block sso-button" id="sso-button" href=${g.oidc.start_url}>${g.oidc.button_label}</a>
          ${A&&l`<div class="login-or" aria-hidden="true"><span>or</span></div>`}`}
        ${A&&l`
          <label class="field">
            <span>Email</span>
            <input type="email" name="email" autocomplete="username" required autofocus
              value=${n} onInput=${b=>o(b.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password</span>
            <input type="password" name="password" autocomplete="current-password" required
              value=${i} onInput=${b=>a(b.currentTarget.value)} />
          </label>`}
        ${p?l`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${r} placeholder="default"
              onInput=${b=>s(b.currentTarget.value)} />
          </label>`:l`
          <button type="button" class="link-button" onClick=${()=>u(!0)}>Sign in to another workspace</button>`}
        ${A&&l`
          <button type="submit" class=${"button block"+(E?"":" primary")} disabled=${m||!n||!i}>
            ${m?"Signing in…":"Sign in"}
          </button>`}
        ${g&&!A&&!E&&l`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`}var fi=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],mi=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function F(e,t=Date.now()){if(!e)return"";let n=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(n)<45)return"now";for(let[o,i]of fi)if(Math.abs(n)>=i||o==="minute")return mi.format(Math.round(n/i),o);return""}function Dn(e){let t=new Date(e),n=new Date,o={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==n.toDateString()&&Object.assign(o,{month:"short",day:"numeric"}),t.toLocaleString(void 0,o)}var qe=e=>e?new Date(e).toLocaleString():"";function Wt(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function sa(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function la(e){let t=0;for(let n of e||"")t=(t*31+n.charCodeAt(0))%360;return t}function Bt(e=3e4){let[t,n]=h(Date.now());return $(()=>{let o=setInterval(()=>n(Date.now()),e);return()=>clearInterval(o)},[e]),t}function ie({id:e,name:t,size:n="md",url:o}){return o?l`<img class=${`avatar avatar-${n} avatar-img`} src=${o} alt="" referrerpolicy="no-referrer" />`:l`<span class=${`avatar avatar-${n} av-${la(e)%8}`} aria-hidden="true">${sa(t)}</span>`}var ut={queue:"Queue",mine:"Mine",open:"All open",resolved:"Resolved"};var gi={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",Dt],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",qt],open:["No open conversations","Every conversation is resolved. Nice work.",Je],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",Rt]};function ca({list:e,items:t,loading:n,selected:o}){Bt();let[i,a,r]=gi[e];return l`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${ut[e]}</h1>
        <span class="muted small" aria-live="polite">${n?"":`${t.length} conversation${t.length===1?"":"s"}`}</span>
      </header>
      ${n&&!t.length?l`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(s=>l`<li key=${s} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?l`
        <ul class="conv-list" aria-label=${ut[e]+" conversations"}>
          ${t.map(s=>l`<${hi} key=${s.id} c=${s} list=${e} selected=${s.id===o} />`)}
        </ul>`:l`
        <div class="empty small-empty">
          <div class="empty-icon"><${r} size=${22} /></div>
          <h2>${i}</h2>
          <p class="muted">${a}</p>
        </div>`}
    </section>`}function hi({c:e,list:t,selected:n}){$e(e.contact_id);let o=me(e.contact_id),i=X.value[e.id],a=H.value[e.id]||0,r=oe.value[e.id]&&Date.now()-oe.value[e.id].at<5e3&&oe.value[e.id].by?.type==="contact",s="No messages yet";r?s="typing…":i&&(s=(i.sender?.type==="contact"?"":i.kind==="note"?"Note: ":"You: ")+(i.deleted_at?"Message deleted":i.body||(i.attachments?.length?`📎 ${i.attachments[0].name}`:"")));let p=ee(t,e.id),u=[ze(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+Ye(e.assignee_id):""].filter(Boolean).join(" · ");return l`
    <li>
      <a href=${p} class=${"conv-item"+(n?" selected":"")+(a?" has-unread":"")}
        aria-current=${n?"true":void 0} data-conversation=${e.id}
        onClick=${c=>{!c.metaKey&&!c.ctrlKey&&(c.preventDefault(),Z(p))}}>
        <${ie} id=${e.contact_id} name=${o} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${o}</span>
            <time class="conv-time" datetime=${e.updated_at}>${F(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(r?" typing":"")}>${s}</span>
            ${a>0&&l`<span class="badge badge-accent unread-badge" aria-label=${a+" unread"}>${a}</span>`}
          </span>
          ${u&&l`<span class="conv-meta">${u}</span>`}
        </span>
      </a>
    </li>`}var da=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function pa({conv:e}){let[t,n]=h("reply"),[o,i]=h(""),[a,r]=h([]),[s,p]=h(0),[u,c]=h(!1),f=G(null),m=G(null),d=G(0),g=G(da());if($(()=>{let b=N=>{(N.detail==="reply"||N.detail==="note")&&(n(N.detail),f.current?.focus())};return window.addEventListener("parley:command",b),()=>window.removeEventListener("parley:command",b)},[]),e.status==="resolved")return l`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let v=t==="note",_=!u&&s===0&&(o.trim()||!v&&a.length);async function T(){if(!_)return;c(!0);let b={client_id:g.current,body:o.trim()};v?b.kind="note":a.length&&(b.kind="attachment",b.attachment_ids=a.map(N=>N.id));try{let N=await x.send(e.id,b);Pn(N),i(""),r([]),g.current=da(),pt(e.id),f.current?.focus()}catch(N){S(N,v?"The note was not saved":"The message was not sent")}finally{c(!1)}}async function y(b){for(let N of b){p(U=>U+1);try{let U=await x.upload(e.id,N);r(re=>[...re,U])}catch(U){S(U,`Could not upload ${N.name}`)}finally{p(U=>U-1)}}}function A(b){i(b.currentTarget.value);let N=Date.now();N-d.current>1500&&(d.current=N,Mo(e.id,v))}function E(b){b.key==="Enter"&&!b.shiftKey&&!b.isComposing&&(b.preventDefault(),T())}return l`
    <form class=${"composer"+(v?" composer-note":"")} onSubmit=${b=>{b.preventDefault(),T()}}
      aria-label=${v?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&l`
        <div class="composer-hint">This conversation is waiting in the queue.${" "}<button type="button" class="link-button"
          onClick=${()=>Vt(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(v?"":" active")} aria-pressed=${!v} onClick=${()=>{n("reply"),f.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(v?" active":"")} aria-pressed=${v} onClick=${()=>{n("note"),f.current?.focus()}}
          aria-keyshortcuts="n"><${Ut} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${v?"Private note, only agents see it":"Reply"}</label>
      <textarea id="composer-text" ref=${f} rows="3" value=${o} onInput=${A} onKeyDown=${E}
        placeholder=${v?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      ${(a.length>0||s>0)&&l`
        <ul class="staged" aria-label="Files to send">
          ${a.map(b=>l`<li class="chip">${b.name} <span class="muted">${Wt(b.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+b.name}
              onClick=${()=>r(a.filter(N=>N.id!==b.id))}><${Ot} size=${14} /></button></li>`)}
          ${s>0&&l`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${m} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${b=>{y([...b.currentTarget.files]),b.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${v}
          title=${v?"Notes cannot carry files":"Attach a file"} onClick=${()=>m.current?.click()}><${Xo} /></button>
        <span class="muted small composer-tip">${v?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(v?"note":"primary")} disabled=${!_}>
          <${Qo} size=${16} /> ${v?"Add note":"Send"}
        </button>
      </div>
    </form>`}var vi={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function ua({conv:e,list:t}){let n=me(e.contact_id);return xi(e),l`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${n}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${vi[e.status]}</span>
            ${e.assignee_id&&l`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${Ye(e.assignee_id)}</span>`}
            ${ze(e.inbox_id)&&l`<span class="muted small">· ${ze(e.inbox_id)}</span>`}
          </div>
        </div>
        <${_i} conv=${e} />
      </header>
      <${yi} conv=${e} />
      <${ki} id=${e.id} name=${n} />
      <${pa} conv=${e} />
    </div>`}async function Xe(e,t){try{let n=await t();return n&&fe(n),n}catch(n){return n.status===409?S(n,`Could not ${e}, the conversation changed meanwhile`):S(n,`Could not ${e}`),null}}var Vt=e=>Xe("take it",()=>x.assign(e.id)).then(t=>t&&C("You took the conversation.","success")),fa=e=>Xe("resolve it",()=>x.resolve(e.id)).then(t=>t&&C("Conversation resolved.","success")),bi=e=>Xe("reopen it",()=>x.reopen(e.id)).then(t=>t&&C("Conversation reopened.","success"));function xi(e){$(()=>{let t=n=>{n.detail==="take"&&e.status==="pending"&&Vt(e),n.detail==="resolve"&&e.status!=="resolved"&&fa(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function _i({conv:e}){let t=Q.value,n=ue.value==="admin"||ue.value==="supervisor",o=we.value.filter(a=>!a.disabled&&!a.bot&&a.id!==e.assignee_id),i=(a,r)=>l`
    <select class="select small" aria-label=${a} value=""
      onChange=${s=>{let p=s.currentTarget.value;s.currentTarget.value="",p&&r(p)}}>
      <option value="">${a}…</option>
      ${o.map(s=>l`<option value=${s.id}>${s.name}${s.id===t?" (you)":""}</option>`)}
    </select>`;return l`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&l`
        <button type="button" class="button primary" onClick=${()=>Vt(e)} aria-keyshortcuts="t">Take</button>
        ${n&&i("Assign to",a=>Xe("assign it",()=>x.assign(e.id,a)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||n)&&l`
        ${i("Transfer to",a=>Xe("transfer it",()=>x.transfer(e.id,e.assignee_id,a)).then(r=>r&&C(`Transferred to ${Ye(a)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Xe("put it back",()=>x.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${e.status!=="resolved"?l`<button type="button" class="button success" onClick=${()=>fa(e)} aria-keyshortcuts="e">Resolve</button>`:l`<button type="button" class="button" onClick=${()=>bi(e)}>Reopen</button>`}
    </div>`}function yi({conv:e}){let t=D.value[e.id],n=G(null),o=G(!0),i=t?.length?t[t.length-1].seq:0;if(uo(()=>{let s=n.current;s&&o.current&&(s.scrollTop=s.scrollHeight)},[i,e.id]),!t)return l`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let a=Ve.value[e.id]||0,r=-1;return t.forEach((s,p)=>{s.sender?.type!=="contact"&&s.kind!=="note"&&s.kind!=="event"&&(r=p)}),l`
    <div class="messages" ref=${n} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${s=>{let p=s.currentTarget;o.current=p.scrollHeight-p.scrollTop-p.clientHeight<80}}>
      ${Ie.value[e.id]&&l`<button type="button" class="button ghost small load-earlier" onClick=${()=>Ko(e.id)}>Load earlier messages</button>`}
      ${!t.length&&l`<p class="muted center">No messages yet.</p>`}
      ${t.map((s,p)=>l`<${$i} key=${s.seq} m=${s} conv=${e} prev=${t[p-1]}
        seen=${p===r&&a>=s.seq} />`)}
    </div>`}function wi(e,t){let n=e.sender||{};return n.display_name?n.display_name:n.type==="contact"?me(t.contact_id):n.type==="agent"||n.type==="bot"?n.id===Q.value?"You":we.value.find(o=>o.id===n.id)?.name||"Agent":"System"}function $i({m:e,conv:t,prev:n,seen:o}){if(e.kind==="event")return l`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${Dn(e.created_at)}</time></div>`;let i=e.sender?.type==="contact",a=e.kind==="note",r=n&&n.kind===e.kind&&n.sender?.type===e.sender?.type&&n.sender?.id===e.sender?.id&&new Date(e.created_at)-new Date(n.created_at)<300*1e3,s=wi(e,t),p=["msg",i?"msg-in":"msg-out",a?"msg-note":"",r?"grouped":"",e.deleted_at?"deleted":""].filter(Boolean).join(" ");return l`
    <article class=${p} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(a?"Private note by ":"Message from ")+s}>
      ${!r&&l`
        <div class="msg-head">
          ${i&&l`<${ie} id=${t.contact_id} name=${s} size="sm" />`}
          <span class="msg-name">${s}</span>
          <time datetime=${e.created_at} title=${qe(e.created_at)}>${Dn(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${a&&l`<div class="note-label"><${Ut} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?l`<p class="msg-body muted">This message was deleted.</p>`:e.body&&l`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&l`
          <ul class="attachments">
            ${e.attachments.map(u=>l`
              <li><a class="attachment" href=${x.attachmentURL(u.id)} download=${u.name}>
                <${na} size=${16} /><span class="attachment-name">${u.name}</span><span class="muted">${Wt(u.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&l`<span class="muted small">(edited)</span>`}
      </div>
      ${o&&l`<div class="msg-seen">Seen</div>`}
    </article>`}function ki({id:e,name:t}){Bt(1e3);let n=oe.value[e],o=n&&Date.now()-n.at<5e3,i="";return o&&(i=n.by?.type==="contact"?`${t} is typing…`:`${Ye(n.by?.id)||"An agent"} is typing${n.note?" a note":""}…`),l`<div class="typing" aria-live="polite">${o&&l`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${i}`}</div>`}function Ci(e){return String(e).split(/(?=\.)|(?<=@)/).flatMap((t,n)=>n?[l`<wbr />`,t]:[t])}var ma={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function ga({conv:e}){let t=e.contact_id,[n,o]=h(null);$(()=>{$e(t);let u=!0;return x.conversations({contact_id:t}).then(c=>{if(u){for(let f of c)f.status!=="open"&&fe(f);o(c)}}).catch(()=>u&&o([])),()=>{u=!1}},[t]);let i=ne.value[t],a=me(t),r=i&&!i.missing?Object.entries(i.attributes||{}).filter(([u])=>u!=="unverified_email"):[],s=i&&!i.missing?[["Email",i.email],["Email (unverified)",i.attributes?.unverified_email],["Phone",i.phone],["External ID",i.external_id],["First seen",i.created_at&&F(i.created_at)]].filter(([,u])=>u):[],p=(n||[]).filter(u=>u.id!==e.id&&u.status!=="open");return l`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${ie} id=${t} name=${a} size="lg" />
        <h2 id="contact-title">${a}</h2>
        ${i&&!i.missing&&(i.verified?l`<span class="verified" title="Identified by your website's back-end"><${ta} size=${14} /> Verified</span>`:l`<span class="unverified">Guest · not verified</span>`)}
      </div>
      ${!i&&l`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${i?.missing&&l`<p class="muted small center">Contact details are not available.</p>`}
      ${s.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${s.map(([u,c])=>l`<dt>${u}</dt><dd>${u.startsWith("Email")?Ci(c):c}</dd>`)}</dl>
        </section>`}
      ${r.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${r.map(([u,c])=>l`<dt>${u}</dt><dd>${typeof c=="object"?JSON.stringify(c):String(c)}</dd>`)}</dl>
        </section>`}
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${n===null?l`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:p.length===0?l`<p class="muted small">None — this is the first.</p>`:l`<ul class="mini-list">
              ${p.map(u=>l`<li key=${u.id}>
                <a href=${ee(ma[u.status],u.id)} onClick=${c=>{c.preventDefault(),Z(ee(ma[u.status],u.id))}}>
                  <span class=${"status status-"+u.status}>${u.status}</span>
                  <span class="muted small">${ze(u.inbox_id)} · ${F(u.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function ha({list:e,conversation:t}){$(()=>{e==="resolved"&&Fo()},[e]),$(()=>{t?Vo(t):ye.value=""},[t]);let n=Le.value[e]||[],o=Nt.value||e==="resolved"&&!dt.value,i=t?j.value[t]:null;return l`
    <${ca} list=${e} items=${n} loading=${o} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?i?l`<${ua} key=${t} conv=${i} list=${e} />`:l`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:l`
          <div class="empty">
            <div class="empty-icon"><${Je} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${i&&l`<${ga} key=${i.contact_id} conv=${i} />`}`}function va(){let[e,t]=h(!0),[n,o]=h(!1),i=()=>x.agents().then(r=>{we.value=r}).catch(r=>S(r,"Could not load agents")).finally(()=>t(!1));$(()=>{i()},[]);async function a(r){if(!(!r.disabled&&!confirm(`Disable ${r.name}? They are signed out and cannot sign in until enabled again.`)))try{await x.updateAgent(r.id,{disabled:!r.disabled}),C(`${r.name} is ${r.disabled?"enabled":"disabled"}.`,"success"),i()}catch(s){S(s)}}return l`
    <${Y} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>Add agent</button>
    <//>
    ${n&&l`<${Si} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading agents"></div>`:l`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${we.value.map(r=>l`
              <tr key=${r.id} data-agent=${r.email}>
                <td><div class="cell-person"><${ie} id=${r.id} name=${r.name} url=${r.avatar_url} size="sm" />
                  <div><div class="strong">${r.name}${r.id===Q.value?" (you)":""}</div><div class="muted small">${r.email}</div></div></div></td>
                <td><span class=${"role role-"+r.role}>${r.role}</span>${r.bot?l` <span class="tag">bot</span>`:""}</td>
                <td>${r.disabled?l`<span class="tag tag-muted">disabled</span>`:l`<span class=${"presence-label p-"+(r.presence||"offline")}><span class=${"presence-dot p-"+(r.presence||"offline")} aria-hidden="true"></span>${r.presence||"offline"}</span>`}</td>
                <td>${r.capacity||"∞"}</td>
                <td class="muted">${F(r.created_at)}</td>
                <td class="right">${r.id!==Q.value&&l`<button type="button" class="button small ghost" onClick=${()=>a(r)}>${r.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function Si({onDone:e}){let[t,n]=h({name:"",email:"",role:"agent",password:"",avatar_url:""}),[o,i]=h(null),[a,r]=h(!1),s=u=>c=>n({...t,[u]:c.currentTarget.value});async function p(u){u.preventDefault(),r(!0);try{await x.createAgent(t),C(`${t.name} can now sign in.`,"success"),e()}catch(c){i(c)}finally{r(!1)}}return l`
    <form class="card form-grid" onSubmit=${p} aria-label="New agent">
      <${W} error=${o} />
      <label class="field"><span>Name</span><input required value=${t.name} onInput=${s("name")} /></label>
      <label class="field"><span>Email</span><input type="email" required value=${t.email} onInput=${s("email")} /></label>
      <label class="field"><span>Role</span>
        <select value=${t.role} onChange=${s("role")}>
          <option value="agent">Agent — answers conversations</option>
          <option value="supervisor">Supervisor — also sees the audit log</option>
          <option value="admin">Admin — manages the workspace</option>
        </select></label>
      <label class="field"><span>Picture URL <span class="muted small">(optional)</span></span><input type="url" pattern="https://.*" value=${t.avatar_url} onInput=${s("avatar_url")} placeholder="https://…" />
        <small class="muted">Shown to visitors with the agent's name.</small></label>
      <label class="field"><span>Password</span><input type="password" autocomplete="new-password" minlength="10" required value=${t.password} onInput=${s("password")} />
        <small class="muted">At least 10 characters. Share it with them safely.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${a}>Create agent</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}var qn={en:{open:"Open chat",close:"Close chat",unread:e=>e+(e===1?" unread message":" unread messages"),online:"We usually reply in a few minutes",offline:"We are away right now. Leave a message and we will get back to you.",placeholder:"Write a message…",send:"Send",attach:"Attach a file",typing:"Support is typing…",seen:"Seen",sending:"Sending…",failed:"Not sent yet",connecting:"Connecting…",reconnecting:"Connection lost. Reconnecting…",conversations:"Your conversations",newConversation:"New conversation",back:"Back to your conversations",noConversations:"No conversations yet.",you:"You",agent:"Support",resolved:"Resolved",start:"Start the conversation",prechatIntro:"Tell us who you are, so that we can get back to you.",name:"Name",email:"Email",fileTooLarge:"This file is too large.",fileType:"This type of file is not accepted.",error:"Something went wrong. Please try again.",download:"Download"},de:{open:"Chat öffnen",close:"Chat schließen",unread:e=>e+(e===1?" ungelesene Nachricht":" ungelesene Nachrichten"),online:"Wir antworten meist in wenigen Minuten",offline:"Wir sind gerade nicht da. Hinterlassen Sie eine Nachricht, wir melden uns.",placeholder:"Nachricht schreiben…",send:"Senden",attach:"Datei anhängen",typing:"Der Support schreibt…",seen:"Gelesen",sending:"Wird gesendet…",failed:"Noch nicht gesendet",connecting:"Verbinde…",reconnecting:"Verbindung unterbrochen. Verbinde neu…",conversations:"Ihre Unterhaltungen",newConversation:"Neue Unterhaltung",back:"Zurück zu Ihren Unterhaltungen",noConversations:"Noch keine Unterhaltungen.",you:"Sie",agent:"Support",resolved:"Erledigt",start:"Unterhaltung beginnen",prechatIntro:"Sagen Sie uns, wer Sie sind, damit wir antworten können.",name:"Name",email:"E-Mail",fileTooLarge:"Die Datei ist zu groß.",fileType:"Dieser Dateityp wird nicht angenommen.",error:"Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",download:"Herunterladen"},fr:{open:"Ouvrir le chat",close:"Fermer le chat",unread:e=>e+(e===1?" message non lu":" messages non lus"),online:"Nous répondons en général en quelques minutes",offline:"Nous sommes absents. Laissez un message, nous vous répondrons.",placeholder:"Écrire un message…",send:"Envoyer",attach:"Joindre un fichier",typing:"Le support écrit…",seen:"Lu",sending:"Envoi…",failed:"Pas encore envoyé",connecting:"Connexion…",reconnecting:"Connexion perdue. Reconnexion…",conversations:"Vos conversations",newConversation:"Nouvelle conversation",back:"Retour à vos conversations",noConversations:"Aucune conversation.",you:"Vous",agent:"Support",resolved:"Résolue",start:"Commencer la conversation",prechatIntro:"Dites-nous qui vous êtes pour que nous puissions vous répondre.",name:"Nom",email:"E-mail",fileTooLarge:"Ce fichier est trop volumineux.",fileType:"Ce type de fichier n'est pas accepté.",error:"Une erreur est survenue. Veuillez réessayer.",download:"Télécharger"}};function ba(e,t=navigator.languages||[navigator.language]){for(let n of[e,...t]){let o=(n||"").toLowerCase().split("-")[0];if(qn[o])return o}return"en"}var xa=e=>qn[e]||qn.en;var Kt=[["","The visitor's browser language"],["en","English"],["de","Deutsch"],["fr","Français"]],_a=[["name","Name"],["email","Email"]],Ti=(e={})=>({title:e.title||"",greeting:e.greeting||"",color:e.color||"#2563eb",locale:e.locale||"",position:e.position==="left"?"left":"right",prechat:{enabled:!!e.prechat?.enabled,fields:[...e.prechat?.fields||[]]}});function ya({inbox:e,onSaved:t}){let[n,o]=h(()=>Ti(e.widget)),[i,a]=h(null),[r,s]=h(!1),p=d=>`widget-${d}-${e.id}`,u=d=>g=>o({...n,[d]:g.currentTarget.value}),c=(d,g)=>{let v=_a.map(([_])=>_).filter(_=>_===d?g:n.prechat.fields.includes(_));o({...n,prechat:{...n.prechat,fields:v}})},f=Kt.some(([d])=>d===n.locale)?Kt:[...Kt,[n.locale,n.locale]];async function m(d){d.preventDefault(),s(!0);try{await x.updateInbox(e.id,{widget:n}),a(null),C("Widget settings saved.","success"),t()}catch(g){a(g)}finally{s(!1)}}return l`
    <form class="widget-settings" onSubmit=${m} aria-labelledby=${p("title-h")}>
      <h3 id=${p("title-h")}>Widget</h3>
      <${W} error=${i} />
      <div class="widget-settings-grid">
        <div>
          <label class="field"><span>Title</span>
            <input name="title" value=${n.title} maxlength="500" placeholder=${e.name} onInput=${u("title")} /></label>
          <label class="field"><span>Greeting</span>
            <textarea name="greeting" rows="2" maxlength="500" value=${n.greeting} placeholder="Hi! How can we help?" onInput=${u("greeting")}></textarea></label>
          <div class="field-row">
            <label class="field"><span>Colour</span>
              <span class="color-field">
                <input type="color" name="color" value=${n.color} onInput=${u("color")} aria-describedby=${p("color-hex")} />
                <code id=${p("color-hex")}>${n.color}</code>
              </span></label>
            <fieldset class="field">
              <legend>Position</legend>
              <span class="segmented">
                ${["left","right"].map(d=>l`<label key=${d} class="check">
                  <input type="radio" name=${p("position")} value=${d} checked=${n.position===d} onChange=${()=>o({...n,position:d})} />
                  ${d==="left"?"Bottom left":"Bottom right"}</label>`)}
              </span>
            </fieldset>
          </div>
          <label class="field"><span>Language</span>
            <select name="locale" value=${n.locale} onChange=${u("locale")}>
              ${f.map(([d,g])=>l`<option key=${d} value=${d}>${g}</option>`)}
            </select></label>
          <fieldset class="field">
            <legend>Pre-chat form</legend>
            <label class="switch"><input type="checkbox" name="prechat" checked=${n.prechat.enabled}
              onChange=${d=>o({...n,prechat:{...n.prechat,enabled:d.currentTarget.checked,fields:n.prechat.fields.length?n.prechat.fields:["name","email"]}})} />
              <span>Ask guests who they are before they write</span></label>
            ${n.prechat.enabled&&l`<span class="segmented">${_a.map(([d,g])=>l`<label key=${d} class="check">
              <input type="checkbox" name=${"prechat-"+d} checked=${n.prechat.fields.includes(d)} onChange=${v=>c(d,v.currentTarget.checked)} />${g}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${r}>Save widget</button>
        </div>
        <${Ai} inbox=${e} f=${n} />
      </div>
    </form>`}function Ei(e){let t=parseInt((e||"").slice(1),16);return isNaN(t)?"#fff":.299*(t>>16)+.587*(t>>8&255)+.114*(t&255)>170?"#111827":"#fff"}function Ai({inbox:e,f:t}){let n=xa(ba(t.locale)),o={"--w-accent":t.color,"--w-on-accent":Ei(t.color)},i=t.prechat.enabled&&t.prechat.fields.length>0;return l`
    <figure class=${"widget-preview pos-"+t.position} style=${o} aria-label="Preview of the widget" data-preview=${e.id}>
      <div class="wp-panel" aria-hidden="true">
        <div class="wp-head">
          <div class="wp-title">${t.title||e.name}</div>
          <div class="wp-sub"><span class="wp-dot"></span>${n.online}</div>
        </div>
        <div class="wp-body">
          ${i?l`<div class="wp-prechat"><p>${n.prechatIntro}</p>
              ${t.prechat.fields.map(a=>l`<span key=${a} class="wp-input">${n[a]}</span>`)}
              <span class="wp-button">${n.start}</span></div>`:t.greeting&&l`<div class="wp-msg">${t.greeting}</div>`}
        </div>
        ${!i&&l`<div class="wp-composer"><span>${n.placeholder}</span><span class="wp-send"></span></div>`}
      </div>
      <div class="wp-launcher" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg></div>
      <figcaption class="muted small">Preview: ${t.title||e.name}, ${t.position==="left"?"bottom left":"bottom right"}, ${Kt.find(([a])=>a===t.locale)?.[1]||t.locale}</figcaption>
    </figure>`}var Ni=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function Rn(e,t="Copied"){try{await navigator.clipboard.writeText(e),C(`${t} to the clipboard.`,"success")}catch{C("Select the text and copy it by hand.","error")}}function wa(){let[e,t]=h(!0),[n,o]=h(!1),i=()=>x.inboxes().then(a=>{Me.value=a}).catch(a=>S(a,"Could not load inboxes")).finally(()=>t(!1));return $(()=>{i()},[]),l`
    <${Y} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>New inbox</button>
    <//>
    ${n&&l`<${Mi} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:Me.value.length?Me.value.map(a=>l`<${Pi} key=${a.id} inbox=${a} onChange=${i} />`):l`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function Pi({inbox:e,onChange:t}){let[n,o]=h((e.allowed_origins||[]).join(`
`)),[i,a]=h(null),r=Ni(e),s="inbox-"+e.id;async function p(u,c){try{await x.updateInbox(e.id,u),a(null),C(c,"success"),t()}catch(f){a(f)}}return l`
    <section class="card inbox-card" aria-labelledby=${s} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${s}>${e.name}</h2>
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
            <button type="button" class="button small" onClick=${()=>Rn(r,"Snippet copied")}><${jt} size=${14} /> Copy</button>
          </div>
        </div>
        <div>
          <h3>Identity</h3>
          <label class="switch">
            <input type="checkbox" checked=${!!e.identity?.require_verified}
              onChange=${u=>p({identity:{require_verified:u.currentTarget.checked}},"Identity settings saved.")} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${Ii} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${u=>{u.preventDefault(),p({allowed_origins:n.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${n} onInput=${u=>o(u.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${ya} inbox=${e} onSaved=${t} />
      </div>
    </section>`}function Ii({identity:e}){let t=Object.entries(e||{}).filter(([o,i])=>o!=="require_verified"&&i!==null&&i!==""&&!(Array.isArray(i)&&i.length===0));if(!t.length)return null;let n=o=>Array.isArray(o)?`${o.length} configured`:typeof o=="object"?JSON.stringify(o):String(o);return l`<dl class="props small">${t.map(([o,i])=>l`<dt>${o.replace(/_/g," ")}</dt><dd>${n(i)}</dd>`)}</dl>`}function Mi({onDone:e}){let[t,n]=h(""),[o,i]=h(""),[a,r]=h(null);async function s(p){p.preventDefault();try{await x.createInbox({name:t,allowed_origins:o.split(/[\s,]+/).filter(Boolean)}),C(`Inbox ${t} created.`,"success"),e()}catch(u){r(u)}}return l`
    <form class="card form-grid" onSubmit=${s} aria-label="New inbox">
      <${W} error=${a} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${p=>n(p.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${o} onInput=${p=>i(p.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function $a(){let[e,t]=h(null),[n,o]=h(!1),[i,a]=h(null),r=()=>x.tokens().then(t).catch(p=>{S(p,"Could not load tokens"),t([])});$(()=>{r()},[]);async function s(p){if(confirm(`Revoke “${p.name}”? Programs using it stop working at once.`))try{await x.revokeToken(p.id),C(`“${p.name}” is revoked.`,"success"),r()}catch(u){S(u)}}return l`
    <${Y} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{o(!n),a(null)}} aria-expanded=${n}>Create token</button>
    <//>
    ${i&&l`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${i.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>Rn(i.token,"Token copied")}><${jt} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>a(null)}>I have stored it</button>
      </div>`}
    ${n&&l`<${Li} onDone=${p=>{o(!1),p&&a(p),r()}} />`}
    ${e===null?l`<div class="spinner" role="status" aria-label="Loading tokens"></div>`:e.length?l`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(p=>l`
              <tr key=${p.id} class=${p.revoked_at?"revoked":""} data-token=${p.name}>
                <td class="strong">${p.name}</td>
                <td>${p.scopes.map(u=>l`<span class="tag">${u}</span> `)}</td>
                <td><code>${p.prefix}…</code></td>
                <td class="muted" title=${qe(p.created_at)}>${F(p.created_at)} by ${p.created_by?.name}</td>
                <td class="muted">${p.last_used_at?F(p.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${p.expires_at?qe(p.expires_at):""}>${p.expires_at?new Date(p.expires_at)<=new Date?l`<span class="tag tag-muted">expired</span>`:F(p.expires_at):"never"}</td>
                <td class="right">${p.revoked_at?l`<span class="tag tag-muted">revoked</span>`:l`<button type="button" class="button small danger-ghost" onClick=${()=>s(p)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:l`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function Li({onDone:e}){let t=(q.value?.scopes||[]).filter(d=>!d.startsWith("workspaces:")),[n,o]=h(""),[i,a]=h(!0),[r,s]=h([]),[p,u]=h(""),[c,f]=h(null);async function m(d){d.preventDefault();let g={name:n,scopes:i?["all"]:r};p&&(g.expires_at=new Date(`${p}T00:00:00`).toISOString());try{let v=await x.createToken(g);e(v)}catch(v){f(v)}}return l`
    <form class="card form-grid" onSubmit=${m} aria-label="New API token">
      <${W} error=${c} />
      <label class="field"><span>Name</span><input required value=${n} onInput=${d=>o(d.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${i} onChange=${d=>a(d.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!i&&l`<div class="scope-grid">${t.map(d=>l`
          <label class="check"><input type="checkbox" checked=${r.includes(d)}
            onChange=${g=>s(g.currentTarget.checked?[...r,d]:r.filter(v=>v!==d))} /> <code>${d}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${p} min=${zi()} onInput=${d=>u(d.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!i&&!r.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function zi(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function ka(){let[e,t]=h(null),[n,o]=h(""),[i,a]=h(!1);async function r(p){a(!0);try{let u=await x.audit(p);t(c=>p?[...c||[],...u.items]:u.items),o(u.next_cursor||"")}catch(u){S(u,"Could not load the audit log"),t(c=>c||[])}finally{a(!1)}}$(()=>{r("")},[]);let s=p=>Object.entries(p||{}).map(([u,c])=>`${u}: ${typeof c=="object"?JSON.stringify(c):c}`).join(", ");return l`
    <${Y} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?l`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?l`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(p=>l`
              <tr key=${p.id}>
                <td class="muted nowrap" title=${qe(p.created_at)}>${F(p.created_at)}</td>
                <td><span class="tag tag-muted">${p.actor.type}</span> ${p.actor.name}</td>
                <td><code class="action">${p.action}</code></td>
                <td class="muted small details">${s(p.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${n&&l`<div class="center"><button type="button" class="button" disabled=${i} onClick=${()=>r(n)}>Load more</button></div>`}`:l`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}function Ca(){let[e,t]=h(null),[n,o]=h(""),[i,a]=h(null);if($(()=>{z("/api/v1/sign-in").then(t).catch(c=>S(c,"Could not load the sign-in settings"))},[]),!e)return l`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;let r=e.oidc,s=(c,f)=>t({...e,oidc:{...r,[c]:f}}),p=(c,f,m)=>s("mappings",r.mappings.map((d,g)=>g===c?{...d,[f]:m}:d));async function u(c){c.preventDefault(),a(null);let f={password:e.password,oidc:{...r,client_secret:n||void 0},external:e.external};delete f.oidc.client_secret_set;try{t(await mn("/api/v1/sign-in",f)),o(""),C("Sign-in settings saved.","success")}catch(m){a(m)}}return l`
    <${Y} title="Sign-in" sub="How the agents of this workspace sign in to the console. See docs/sign-in.md." />
    <form class="card form-grid" onSubmit=${u} aria-label="Sign-in settings">
      <${W} error=${i} />
      <label class="field"><span>Email and password</span>
        <select name="password" value=${e.password} onChange=${c=>t({...e,password:c.currentTarget.value})}>
          <option value="local">Parley's own passwords</option>
          <option value="external">Checked by your company's endpoint</option>
          <option value="off">Off (single sign-on only)</option>
        </select></label>
      ${e.password==="external"&&l`
        <label class="field"><span>Authentication endpoint URL</span>
          <input name="external_url" value=${e.external.url} placeholder="https://auth.example.com/chimpassist/auth"
            onInput=${c=>t({...e,external:{...e.external,url:c.currentTarget.value}})} /></label>
        <label class="switch"><input type="checkbox" checked=${e.external.create_agents}
          onChange=${c=>t({...e,external:{...e.external,create_agents:c.currentTarget.checked}})} />
          <span>Create agents on their first sign-in</span></label>`}
      <fieldset class="field">
        <legend>Single sign-on (OpenID Connect)</legend>
        <label class="switch"><input type="checkbox" name="oidc_enabled" checked=${r.enabled} onChange=${c=>s("enabled",c.currentTarget.checked)} />
          <span>Sign in with your identity provider</span></label>
        <p class="muted">Register <code>${e.redirect_uri}</code> as the redirect URI and <code>${e.post_logout_redirect_uri}</code> as the post-logout redirect URI.</p>
        <label class="field"><span>Issuer URL</span><input name="issuer" value=${r.issuer} placeholder="https://id.example.com" onInput=${c=>s("issuer",c.currentTarget.value)} /></label>
        <label class="field"><span>Client ID</span><input name="client_id" value=${r.client_id} onInput=${c=>s("client_id",c.currentTarget.value)} /></label>
        <label class="field"><span>Client secret ${r.client_secret_set&&l`<span class="muted">(stored; leave empty to keep it)</span>`}</span>
          <input name="client_secret" type="password" autocomplete="off" value=${n} onInput=${c=>o(c.currentTarget.value)} /></label>
        <label class="field"><span>Scopes <span class="muted">(besides openid; comma-separated)</span></span>
          <input name="scopes" value=${r.scopes.join(", ")} placeholder="profile, email, groups"
            onInput=${c=>s("scopes",c.currentTarget.value.split(",").map(f=>f.trim()).filter(Boolean))} /></label>
        <label class="field"><span>Button label</span><input name="button_label" value=${r.button_label} placeholder="Sign in with single sign-on" onInput=${c=>s("button_label",c.currentTarget.value)} /></label>
        <label class="field"><span>Claim mapped to roles</span><input name="claim" value=${r.claim} placeholder="groups" onInput=${c=>s("claim",c.currentTarget.value)} /></label>
        ${r.mappings.map((c,f)=>l`
          <div class="mapping-row" data-mapping=${f}>
            <label class="field"><span>Claim value</span><input value=${c.value} onInput=${m=>p(f,"value",m.currentTarget.value)} /></label>
            <label class="field"><span>Role</span><select value=${c.role} onChange=${m=>p(f,"role",m.currentTarget.value)}>
              <option value="agent">agent</option><option value="supervisor">supervisor</option><option value="admin">admin</option></select></label>
            <label class="field"><span>Tier</span><input type="number" min="0" max="9" value=${c.tier} onInput=${m=>p(f,"tier",Number(m.currentTarget.value)||0)} /></label>
            <button type="button" class="button small ghost" aria-label="Remove this mapping" onClick=${()=>s("mappings",r.mappings.filter((m,d)=>d!==f))}>Remove</button>
          </div>`)}
        <button type="button" class="button small" onClick=${()=>s("mappings",[...r.mappings,{value:"",role:"agent",tier:0}])}>Add a mapping</button>
        <label class="field"><span>Role when no mapping matches</span>
          <select name="default_role" value=${r.default_role} onChange=${c=>s("default_role",c.currentTarget.value)}>
            <option value="">none: refuse the first sign-in</option><option value="agent">agent</option><option value="supervisor">supervisor</option></select></label>
        <label class="switch"><input type="checkbox" name="create_agents" checked=${r.create_agents} onChange=${c=>s("create_agents",c.currentTarget.checked)} />
          <span>Create agents on their first sign-in (else only agents you created may sign in)</span></label>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary">Save</button></div>
    </form>`}function Sa(){let[e,t]=h(null),[n,o]=h({product_name:"",sign_in_title:"",color:""}),[i,a]=h(null),r=f=>{t(f),ae.value=f,o({product_name:f.product_name,sign_in_title:f.sign_in_title,color:f.color})};$(()=>{z("/api/v1/branding").then(r).catch(f=>S(f,"Could not load the branding"))},[]);async function s(f){f.preventDefault(),a(null);try{r(await At("/api/v1/branding",n)),C("Branding saved.","success")}catch(m){a(m)}}async function p(f,m){if(m)try{r(await de("PUT",`/api/v1/branding/${f}`,{headers:{"Content-Type":m.type||"application/octet-stream"},raw:m})),C(f==="logo"?"Logo saved.":"Default avatar saved.","success")}catch(d){S(d,"Upload refused")}}async function u(f){try{r(await de("DELETE",`/api/v1/branding/${f}`))}catch(m){S(m)}}let c=f=>m=>o({...n,[f]:m.currentTarget.value});return e?l`
    <${Y} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${s} aria-label="Branding">
      <${W} error=${i} />
      <label class="field"><span>Product name</span>
        <input name="product_name" maxlength="60" value=${n.product_name} placeholder="Parley" onInput=${c("product_name")} /></label>
      <label class="field"><span>Sign-in page title</span>
        <input name="sign_in_title" maxlength="120" value=${n.sign_in_title} placeholder=${`Sign in to ${n.product_name||"Parley"}`} onInput=${c("sign_in_title")} /></label>
      <label class="field"><span>Colour <span class="muted">(#rrggbb; the widget uses it when the inbox sets none)</span></span>
        <input name="color" maxlength="7" value=${n.color} placeholder="#4f46e5" onInput=${c("color")} /></label>
      <div class="form-actions"><button type="submit" class="button primary" id="save-branding">Save</button></div>
    </form>
    ${[["logo","Logo","Shown in the console’s header and on the sign-in page."],["avatar","Default agent avatar","The widget shows it for agents who have no picture."]].map(([f,m,d])=>l`
      <section class="card" aria-labelledby=${"brand-"+f}>
        <h2 id=${"brand-"+f}>${m}</h2>
        <p class="muted">${d} PNG, JPEG, GIF or WebP, at most 256 KiB and 2048 pixels a side.</p>
        <div class="brand-preview">
          ${e[f+"_url"]?l`<img src=${e[f+"_url"]} alt=${m} data-brand-preview=${f} />`:l`<span class="muted">None</span>`}
          <label class="button small">Upload…<input type="file" class="sr-only" name=${f} accept="image/png,image/jpeg,image/gif,image/webp"
            onChange=${g=>p(f,g.currentTarget.files[0])} /></label>
          ${e[f+"_url"]&&l`<button type="button" class="button small ghost" onClick=${()=>u(f)}>Remove</button>`}
        </div>
      </section>`)}`:l`<div class="spinner" role="status" aria-label="Loading the branding"></div>`}var Di={agents:va,inboxes:wa,tokens:$a,audit:ka,"sign-in":Ca,branding:Sa};function Ta({page:e}){let t=Di[e],n=ue.value==="admin"||e==="audit"&&ue.value==="supervisor";return l`
    <main class="pane-admin" id="main" tabindex="-1">
      ${t?n?l`<${t} />`:l`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:l`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function Y({title:e,sub:t,children:n}){return l`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&l`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${n}</div>
    </header>`}function W({error:e}){return e?l`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&l`<ul>${e.fields.map(t=>l`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}function Un(){return l`
    <div class="toasts" role="status" aria-live="polite">
      ${Ke.value.map(e=>l`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>An(e.id)}><${Ot} size=${16} /></button>
        </div>`)}
    </div>`}var ke=w(!1),qi=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["1 – 4","Queue, Mine, All open, Resolved"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],Yt=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function Ea(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function Aa(e){let t=De.value;if(t.section!=="inbox")return;let n=Le.value[t.list]||[];if(!n.length)return;let o=n.findIndex(i=>i.id===t.conversation);o=o<0?e>0?0:n.length-1:Math.min(n.length-1,Math.max(0,o+e)),Z(ee(t.list,n[o].id))}function Na(){$(()=>{let e=t=>{if(!q.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&Ea(document.activeElement)){document.activeElement.blur();return}if(Ea(t.target)||ke.value)return;let n={1:"queue",2:"mine",3:"open",4:"resolved"};switch(t.key){case"j":Aa(1);break;case"k":Aa(-1);break;case"r":Yt("reply");break;case"n":Yt("note");break;case"t":Yt("take");break;case"e":Yt("resolve");break;case"?":ke.value=!0;break;default:if(n[t.key]){Z(ee(n[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function Pa(){let e=G(null);return $(()=>{let t=e.current;t&&(ke.value&&!t.open&&t.showModal(),!ke.value&&t.open&&t.close())},[ke.value]),l`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{ke.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${qi.map(([t,n])=>l`<tr><td><kbd>${t}</kbd></td><td>${n}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var Ri=[["online","Online"],["away","Away"],["offline","Offline"]],Re=w(""),Ia="parley.console.presence";function Ma(){za(localStorage.getItem(Ia)||"online",!0)}async function La(){try{await x.presence("offline")}catch{}Re.value=""}async function za(e,t){let n=Re.value;Re.value=e,t||localStorage.setItem(Ia,e);try{let o=await x.presence(e);o?.status?Re.value=o.status:o?.presence&&(Re.value=o.presence)}catch(o){Re.value=n,t||S(o,"Could not change your status")}}function Da({onLogout:e}){let t=q.value?.agent||{},n=Re.value||t.presence||"offline";return l`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${ie} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+n} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence">
        <legend class="sr-only">Your status</legend>
        ${Ri.map(([o,i])=>l`
          <label class=${"presence-option"+(n===o?" checked":"")}>
            <input type="radio" name="presence" value=${o} checked=${n===o}
              onChange=${()=>za(o)} />
            <span class=${"presence-dot p-"+o} aria-hidden="true"></span>${i}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${_e.value!=="granted"&&_e.value!=="unsupported"?l`
          <button type="button" class="button ghost small" onClick=${async()=>{await Do(),_e.value==="granted"?C("Notifications are on.","success"):_e.value==="denied"&&C("Notifications are blocked in your browser settings.","error")}}><${Zo} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${lt.value} onChange=${o=>qo(o.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{ke.value=!0}} aria-keyshortcuts="?">
            <${oa} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${ea} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var Ui={queue:Dt,mine:qt,open:Je,resolved:Rt};function qa(){if($(()=>{In()},[]),$(()=>{q.value&&(Yo(),Ho(),Ma())},[q.value?.agent?.id]),Na(),!En.value)return l`<div class="splash" role="status" aria-live="polite"><${Ht} /><span class="sr-only">Loading…</span></div>`;if(!q.value)return l`<${ra} onLoggedIn=${async()=>{await In(),!De.value.list&&De.value.section!=="admin"&&Z(ee("queue"),{replace:!0})}} /><${Un} />`;let e=De.value;return l`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${Oi} />
      ${e.section==="admin"?l`<${Ta} page=${e.page} />`:l`<${ha} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${Pa} />
    <${Un} />`}function Oi(){let e=De.value,t=Le.value,n={queue:t.queue.length,mine:t.mine.length,open:t.open.length,resolved:null},o=t.mine.reduce((s,p)=>s+(H.value[p.id]||0),0),i=ue.value==="admin",a=i||ue.value==="supervisor",r=(s,p,u,c,f)=>l`
    <li><a href=${s} class=${"nav-link"+(c?" active":"")} aria-current=${c?"page":void 0}
      onClick=${m=>{!m.metaKey&&!m.ctrlKey&&(m.preventDefault(),Z(s))}}>
      <${u} /><span class="nav-label">${p}</span>${f}</a></li>`;return l`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${Ft} /></div>
      <${ji} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","resolved"].map(s=>r(ee(s),ut[s],Ui[s],e.section==="inbox"&&e.list===s,l`${s==="mine"&&o>0?l`<span class="badge badge-accent" aria-label=${o+" unread"}>${o}</span>`:n[s]?l`<span class="count" aria-label=${n[s]+" conversations"}>${n[s]}</span>`:null}`))}
      </ul>
      ${a&&l`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${i&&r(`${ge}/admin/agents`,"Agents",Go,e.section==="admin"&&e.page==="agents")}
          ${i&&r(`${ge}/admin/inboxes`,"Inboxes",Ln,e.section==="admin"&&e.page==="inboxes")}
          ${i&&r(`${ge}/admin/tokens`,"API tokens",Mn,e.section==="admin"&&e.page==="tokens")}
          ${i&&r(`${ge}/admin/sign-in`,"Sign-in",Mn,e.section==="admin"&&e.page==="sign-in")}
          ${i&&r(`${ge}/admin/branding`,"Branding",Ln,e.section==="admin"&&e.page==="branding")}
          ${r(`${ge}/admin/audit`,"Audit log",Jo,e.section==="admin"&&e.page==="audit")}
        </ul>`}
      <div class="nav-foot">
        <${Da} onLogout=${async()=>{await La();let s=await z("/api/v1/auth/options").catch(()=>null);try{await To()}catch(p){S(p)}ia({endSessionURL:s?.oidc?.end_session_url||""}),It(),C("You are signed out.","info")}} />
      </div>
    </nav>`}function ji(){let e=Pe.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return l`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&l`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${Po}><${aa} size=${14} /></button>`}
    </div>`}Co(()=>{q.value&&(It(),C("Your session has ended. Please sign in again.","error"))});an(l`<${qa} />`,document.getElementById("app"));

var R,po,Xa,Ue,Ja,Xt,uo,Jt,fo,en,Za,Ji,At=Symbol.for("pv"),ea={},ta=[],Zi=/^m(i|n|o|s|text|space)$/,tn=Array.isArray,an=ta.slice,Ze=Object.assign;function Je(e){e&&e.parentNode&&e.remove()}function It(e,t,a){var n,s,i,r={},l=arguments.length;for(i in t)i=="key"?n=t[i]:i=="ref"&&typeof e!="function"?s=t[i]:r[i]=t[i];return l>2&&(r.children=l>3?an.call(arguments,2):a),Tt(e,r,n,s,null)}function Tt(e,t,a,n,s){var i={type:e,props:t,key:a,ref:n,__k:null,__:null,__b:0,__e:null,__c:null,constructor:At,__v:s||++po,__i:-1,__u:0};return!s&&R.vnode&&R.vnode(i),i}function et(e){return e.children}function Xe(e,t){this.props=e,this.context=t,this.__g=0}function We(e,t){if(t==null)return e.__&&We(e.__,e.__i+1);for(var a;t<e.__k.length;t++)if((a=e.__k[t])&&a.__e)return a.__e;return typeof e.type!="function"||e.props.__P?null:We(e)}function Xi(e){var t,a=e.__v,n=a.__e,s=[],i=[],r=e.__P;r&&((t=Ze({constructor:At},a)).__v=a.__v+1,R.vnode&&R.vnode(t),nn(r,t,a,e.__n,r.namespaceURI,32&a.__u?[n]:null,s,n||We(a),32&a.__u,i),t.__v=a.__v,t.__.__k[t.__i]=t,$o(s,t,i),a.__=a.__e=null,t.__e!=n&&mo(t))}function mo(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),mo(e)}function lo(e){(8&e.__g||(e.__g|=8,Ue.push(e),Xt++))&&Ja==R.debounceRendering||((Ja=R.debounceRendering)||queueMicrotask)(ho)}function ho(){try{for(var e,t=1;Ue.length;)Ue.length>t&&Ue.sort(uo),e=Ue.shift(),t=Ue.length,8&e.__g&&Xi(e)}finally{(Xt=Ue.length)&&(Ja||queueMicrotask)(ho)}}function go(e,t,a,n,s,i,r,l,d,m,c){var f,u,p,g,y,b,v=n.__k||ta,w=t.length;for(d=er(a,t,v,d,w),f=0;f<w;f++)(p=a.__k[f])!=null&&(u=~p.__i&&v[p.__i]||ea,p.__i=f,b=nn(e,p,u,s,i,r,l,d,m,c),g=p.__e,(u.ref!=p.ref||8&u.__u)&&(u.ref&&on(u.ref,null,p,u),p.ref&&c.push(p.ref,p.__c||g,p)),y=y||g,4&p.__u?(d=bo(p,d,e,!u.__v),u.__e&&(u.__e=null)):typeof p.type=="function"&&b!==void 0?d=b:g&&(d=g.nextSibling),p.__u&=-21);return a.__e=y,d}function er(e,t,a,n,s){var i,r,l,d,m,c,f,u,p,g=a.length,y=g,b=0,v=0,w=e.__k=Array(s);for(i=0;i<s;i++)(r=t[i])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=w[i]=Tt(null,r):tn(r)?r=w[i]=Tt(et,{children:r}):r.constructor===At&&r.__b?r=w[i]=Tt(r.type,r.props,r.key,r.ref,r.__v):w[i]=r,d=i+b,r.__=e,r.__b=e.__b+1,l=null,~(m=r.__i=tr(r,a,d,y))&&(y--,(l=a[m])&&(l.__u|=2)),l&&l.__v?(r.__u|=16,m==d-1?b--:m==d+1?b++:m!=d&&(m>d?b--:b++,v=1)):(~m||(s>g?b--:s<g&&b++),typeof r.type!="function"&&(r.__u|=4))):w[i]=null;if(v){for(c=[],f=[],i=0;i<s;i++)if((r=w[i])&&16&r.__u){for(b=0,u=c.length;b<u;)c[p=b+u>>1]<r.__i?b=p+1:u=p;c[b]=r.__i,f[i]=b+1}for(b=c.length;i--;)f[i]&&(f[i]==b?b--:w[i].__u|=4)}if(y)for(i=0;i<g;i++)!(l=a[i])||2&l.__u||(l.__e==n&&(n=We(l)),sn(l,l));return n}function bo(e,t,a,n){var s,i,r,l;if(typeof e.type=="function"){if(e.props.__P)return t;if(s=e.__k)for(i=0;i<s.length;i++)s[i]&&(s[i].__=e,t=bo(s[i],t,a,!1));return t}for(t&&!t.parentNode&&(t=We(e))&&!t.parentNode&&(t=null),r=e.__e,l=t;l&&l.nodeType==8;)l=l.nextSibling;for(r!=l&&(!n&&a.moveBefore&&r.parentNode?a.moveBefore(r,t):a.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function tr(e,t,a,n){var s,i=e.key,r=e.type,l=t[a],d=l&&!(2&l.__u);if(l===null&&i==null||d&&i==l.key&&r==l.type)return a;if(n>(d?1:0)){for(s=a-1;s>=0;s--)if((l=t[s])&&!(2&l.__u)&&i==l.key&&r==l.type)return s;for(s=a+1;s<t.length;s++)if((l=t[s])&&!(2&l.__u)&&i==l.key&&r==l.type)return s}return-1}function co(e,t,a){a==null&&(a=""),t[0]=="-"?e.setProperty(t,a):e[t]=a}function Gt(e,t,a,n,s){var i,r;if(t=="style")if(typeof a=="string")e.style.cssText=a;else{if(typeof n=="string"&&(e.style.cssText=n=""),n)for(t in n)a&&t in a||co(e.style,t);if(a)for(t in a)n&&a[t]==n[t]||co(e.style,t,a[t])}else if(t[0]=="o"&&t[1]=="n")typeof a!="function"&&(a=null),typeof n!="function"&&(n=null),(e.__e||(e.__e={}))[t]=a,a&&n||(r=Za[t]||(Za[t]=ar(t)),(e.__a||(e.__a={}))[t]=en,i=t!=(t=t.replace(fo,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),a?e.addEventListener(t,r,i):e.removeEventListener(t,r,i));else{if(s=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=a??"")}catch{}if(typeof a=="function")return;a==null||a===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&a==1?"":a)}}function ar(e){return function(t){var a=this.__e;if(a){if(a=a[e],t[Jt]==null)t[Jt]=en++;else if(t[Jt]<this.__a[e])return;return a(R.event?R.event(t):t)}}}function nn(e,t,a,n,s,i,r,l,d,m){var c,f,u,p,g,y,b,v,w,T,E,x,q,J,ee,_e,Z,me,ie=t.type;if(t.constructor!==At)return null;128&a.__u&&(d=32&a.__u,c=a.__c.__z)&&(t.__u|=d,f=i=[],c.nodeType==8?l=Zt(c,i):i.push(c),l=i[0]||l),(c=R.__b)&&c(t);e:if(typeof ie=="function"){u=r.length;try{if(v=t.props,w=(c=ie.prototype)&&c.render,T=(c=ie.contextType)&&n[c.__c],E=c?T?T.props.value:c.__:n,(p=a.__c)?(t.__c=p,2&p.__g&&(p.__g|=1)):(w?t.__c=p=new ie(v,E):(t.__c=p=new Xe(v,E),p.constructor=ie,p.render=or),T&&T.sub(p),p.state||(p.state={}),p.__n=n,p.__g|=8,p.__h=[],p.__k=[]),w&&(p.__s||(p.__s=p.state),ie.getDerivedStateFromProps&&(p.__s==p.state&&(p.__s=Ze({},p.__s)),Ze(p.__s,ie.getDerivedStateFromProps(v,p.__s)))),g=p.props,y=p.state,p.__v=t,a.__c){if(v!==g&&w&&!ie.getDerivedStateFromProps&&p.componentWillReceiveProps&&p.componentWillReceiveProps(v,E),t.__v==a.__v&&!(8&p.__g)||!(4&p.__g)&&p.shouldComponentUpdate&&p.shouldComponentUpdate(v,p.__s,E)===!1){t.__v!=a.__v&&(p.props=v,p.state=p.__s,p.__g&=-9),t.__e=a.__e,t.__k=a.__k,t.__k.some(function(N){N&&(N.__=t)}),ta.push.apply(p.__h,p.__k),p.__k=[],p.__h.length&&r.push(p),l=We(a);break e}p.componentWillUpdate&&p.componentWillUpdate(v,p.__s,E),w&&p.componentDidUpdate&&p.__h.push(function(){p.componentDidUpdate(g,y,b)})}else w&&!ie.getDerivedStateFromProps&&p.componentWillMount&&p.componentWillMount(),w&&p.componentDidMount&&p.__h.push(p.componentDidMount);p.context=E,p.props=v,p.__P=e,p.__g&=-5,x=R.__r,q=w?25:0;do p.__g&=-9,x&&x(t),c=p.render(p.props,p.state=p.__s,p.context);while(8&p.__g&&++q<25);w&&(ta.push.apply(p.__h,p.__k),p.__k=[]),p.state=p.__s,p.getChildContext&&(n=Ze({},n,p.getChildContext())),w&&a.__c&&p.getSnapshotBeforeUpdate&&(b=p.getSnapshotBeforeUpdate(g,y)),J=c&&c.type===et&&c.key==null?c.props.children:c,v.__P&&(c=l,s=(e=v.__P).namespaceURI,d=i=null,a.props&&a.props.__P!=e&&(a.__k.some(function(N){N&&sn(N,N)}),a.__k=null),l=a.__k?We(a,0):null),l=go(e,tn(J)?J:[J],t,a,n,s,i,r,l,d,m),v.__P&&(t.__e=null,l=c),t.__u&=-161,f&&f.some(Je),p.__h.length&&r.push(p),1&p.__g&&(p.__g&=-4)}catch(N){if(r.length=u,t.__v=null,d||i)if(N&&N.then){if(t.__u|=128|d,i){for(~(Z=i.indexOf(l||void 0))||(Z=i.length);(me=i[Z-1])&&me.nodeType==8;)Z--;for(;Z<i.length;Z++)if(me=i[Z])if(i[Z]=null,ee){if(me==_e)break}else{if(me.nodeType!=8)break;me.data.startsWith("$s")&&(_e=Zt(ee=me))}}if(!ee){for(;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;ee=l}(c=Zt(ee=t.__c.__z||(t.__c.__z=ee)))?(t.__e=ee,l=c):t.__e=l,l=l&&l.nextSibling}else i&&i.some(Je);else t.__e=a.__e;t.__k||(t.__k=a.__k||[]),N&&N.then||vo(t),R.__e(N,t,a)}}else l=t.__e=nr(a.__e,t,a,n,s,i,r,d,m,e);return(c=R.diffed)&&c(t),l}function Zt(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var a=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))a++;else if(e.data.startsWith("/$s")&&!--a)return e}t&&t.push(e)}}function vo(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(vo))}function $o(e,t,a){for(var n=0;n<a.length;)on(a[n++],a[n++],a[n++]);R.__c&&R.__c(t,e),e.some(function(s){try{e=s.__h,s.__h=[],e.some(function(i){i.call(s)})}catch(i){R.__e(i,s.__v)}})}function nr(e,t,a,n,s,i,r,l,d,m){var c,f,u,p,g,y,b,v,w=a.props||ea,T=t.props,E=t.type;if(E=="svg"?s="http://www.w3.org/2000/svg":E=="math"?s="http://www.w3.org/1998/Math/MathML":s||(s="http://www.w3.org/1999/xhtml"),i){for(c=0;c<i.length;c++)if((g=i[c])&&(E?g.localName==E:g.nodeType==3)){e=g,i[c]=null;break}}if(!e){if(v=m.ownerDocument||document,!E)return v.createTextNode(T);e=v.createElementNS(s,E,T.is?T:m),l&&(R.__m&&R.__m(t,i),l=!1),i=null}if(E){if(m=E=="template"&&e.content||e,i=E=="textarea"&&T.defaultValue!=null?null:i&&an.call(m.childNodes),!l&&i)for(w={},c=0;c<e.attributes.length;c++)w[(g=e.attributes[c]).name]=g.value;for(c in w)g=w[c],c=="dangerouslySetInnerHTML"?u=g:c=="children"||c in T||c=="value"&&"defaultValue"in T||c=="checked"&&"defaultChecked"in T||Gt(e,c,null,g,s);for(c in T)g=T[c],c=="children"?p=g:c=="dangerouslySetInnerHTML"?f=g:c=="value"?y=g:c=="checked"?b=g:l&&typeof g!="function"||w[c]===g||Gt(e,c,g,w[c],s);f?(l||u&&(f.__html==u.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):(u&&(e.textContent=""),(E=="foreignObject"||s=="http://www.w3.org/1998/Math/MathML"&&Zi.test(E))&&(s="http://www.w3.org/1999/xhtml"),go(m,tn(p)?p:[p],t,a,n,s,i,r,i?i[0]:a.__k&&We(a,0),l,d),i&&i.some(Je)),l&&E!="textarea"||(c="value",E=="progress"&&y==null?e.removeAttribute(c):y==null||y===e[c]&&(E!="progress"||y)||Gt(e,c,y,w[c],s),c="checked",b!=null&&b!=e[c]&&Gt(e,c,b,w[c],s))}else w===T||l&&e.data==T||(e.data=T);return e}function on(e,t,a,n){try{typeof e=="function"?t?t.__x=e(t)||1:n&&(n=n.__c||n.__e)&&(t=n.__x)&&(n.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(s){R.__e(s,a)}}function sn(e,t,a){var n,s,i,r;if(R.unmount&&R.unmount(e),!(n=e.ref)||n.current&&n.current!=e.__e||on(n,null,t,e),n=e.__c){if(n.componentWillUnmount)try{n.componentWillUnmount()}catch(l){R.__e(l,t)}n.__P=n.__n=null}if(n=e.__k)for(r=0;r<n.length;r++)n[r]&&sn(n[r],t,typeof e.type!="function"||a&&!e.props.__P);!a&&(n=e.__c)&&(n=n.__z)&&(s=Zt(n,i=[]))&&(n==e.__e&&i.some(Je),Je(s),Je(n)),a||Je(e.__e),e.__e=e.__c=e.__=null}function or(e,t,a){return this.constructor(e,a)}function rn(e,t){var a,n,s,i;R.__&&R.__(e,t),t.nodeType==9&&(t=t.documentElement),n=(a=e&&32&e.__u)?null:t.__k,t.__k=Tt(et,{children:[e]}),s=[],i=[],nn(t,t.__k,n||ea,ea,t.namespaceURI,n?null:t.firstChild?an.call(t.childNodes):null,s,n?n.__e:t.firstChild,a,i),$o(s,t.__k,i),t.__k.props.children=null}R={__e:function(e,t,a,n){for(var s,i,r;t=t.__;)if((s=t.__c)&&!(1&s.__g)){s.__g|=4;try{if((r=(i=s.constructor)&&i.getDerivedStateFromError)&&s.setState(i.getDerivedStateFromError(e)),s.componentDidCatch&&(s.componentDidCatch(e,n||{}),r=1),r&&8&s.__g)return void(s.__g|=2)}catch(l){e=l}}throw Xt=0,e}},po=0,Xa=function(e){return e!=null&&e.constructor===At},Xe.prototype.setState=function(e,t){var a=this.__s;a&&a!=this.state||(a=this.__s=Ze({},this.state)),typeof e=="function"&&(e=e(Ze({},a),this.props)),e&&(Ze(a,e),this.__v&&(t&&this.__k.push(t),lo(this)))},Xe.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),lo(this))},Xe.prototype.render=et,Ue=[],Xt=0,uo=function(e,t){return e.__v.__b-t.__v.__b},Jt=Symbol(),fo=/(PointerCapture)$|Capture$/i,en=0,Za={},Ji=0;var xo=function(e,t,a,n){var s;t[0]=0;for(var i=1;i<t.length;i++){var r=t[i++],l=t[i]?(t[0]|=r?1:2,a[t[i++]]):t[++i];r===3?n[0]=l:r===4?n[1]=Object.assign(n[1]||{},l):r===5?(n[1]=n[1]||{})[t[++i]]=l:r===6?n[1][t[++i]]+=l+"":r?(s=e.apply(l,xo(e,l,a,["",null])),n.push(s),l[0]?t[0]|=2:(t[i-2]=0,t[i]=s)):n.push(l)}return n},yo=new Map;function _o(e){var t=yo.get(this);return t||(t=new Map,yo.set(this,t)),(t=xo(this,t.get(e)||(t.set(e,t=(function(a){for(var n,s,i=1,r="",l="",d=[0],m=function(u){i===1&&(u||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,u,r):i===3&&(u||r)?(d.push(3,u,r),i=2):i===2&&r==="..."&&u?d.push(4,u,0):i===2&&r&&!u?d.push(5,0,!0,r):i>=5&&((r||!u&&i===5)&&(d.push(i,0,r,s),i=6),u&&(d.push(i,u,0,s),i=6)),r=""},c=0;c<a.length;c++){c&&(i===1&&m(),m(c));for(var f=0;f<a[c].length;f++)n=a[c][f],i===1?n==="<"?(m(),d=[d],i=3):r+=n:i===4?r==="--"&&n===">"?(i=1,r=""):r=n+r[0]:l?n===l?l="":r+=n:n==='"'||n==="'"?l=n:n===">"?(m(),i=1):i&&(n==="="?(i=5,s=r,r=""):n==="/"&&(i<5||a[c][f+1]===">")?(m(),i===3&&(d=d[0]),i=d,(d=d[0]).push(2,0,i),i=0):n===" "||n==="	"||n===`
`||n==="\r"?(m(),i=2):r+=n),i===3&&r==="!--"&&(i=4,d=d[0])}return m(),d})(e)),t),arguments,[])).length>1?t:t[0]}var o=_o.bind(It);var pt,V,ln,wo,cn=Object.is,aa=0,Do=[],dn=[],H=R,ko=H.__b,Co=H.__r,So=H.diffed,To=H.__c,Ao=H.unmount,Io=H.__;function na(e,t){H.__h&&H.__h(V,e,aa||t),aa=0;var a=V.__H||(V.__H={__:[],__h:[]});return e>=a.__.length&&a.__.push({}),a.__[e]}function h(e){return aa=1,sr(Ro,e)}function sr(e,t,a){var n=na(pt++,2);if(n.t=e,!n.__c&&(n.__=[a?a(t):Ro(void 0,t),function(i){var r=(n.__N||n.__)[0],l=n.t(r,i);cn(r,l)||(n.__N=[l,n.__[1]],n.__c.setState({}))}],n.__c=V,!V.__f)){V.__f=!0;var s=V.shouldComponentUpdate;V.shouldComponentUpdate=function(i,r,l){var d=this.__H;if(!d)return!0;var m=!1,c=this.props!=i;if(d.__.some(function(u){u.__N&&(m=!0,cn(u.__[0],u.__N[0])||(c=!0))}),s){var f=s.call(this,i,r,l);return m?f||c:f}return!m||c}}return n.__}function _(e,t){var a=na(pt++,3);!H.__s&&un(a.__H,t)&&(a.__P=!0,a.__=e,a.u=t,V.__H.__h.push(a))}function qo(e,t){var a=na(pt++,4);!H.__s&&un(a.__H,t)&&(a.__P=!1,a.__=e,a.u=t,V.__h.push(a))}function O(e){return aa=5,oa(function(){return{current:e}},[])}function oa(e,t){var a=na(pt++,7);return un(a.__H,t)&&(a.__=e(),a.__H=t),a.__}function ir(){var e;do{for(;e=dn.shift();)try{Et(e)}catch(a){H.__e(a,{__:(e=e.__P)&&e.__v})}for(;e=Do.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Et),t.__h.some(pn),t.__h=[]}catch(a){t.__h=[],H.__e(a,e.__v)}}}while(dn.length)}H.__b=function(e){V=null,ko&&ko(e)},H.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Io&&Io(e,t)},H.__r=function(e){Co&&Co(e),pt=0;var t=(V=e.__c).__H;t&&(ln==V?V.__h=[]:(t.__h.some(Et),t.__h.some(pn),pt=0),t.__h=[],t.__.some(function(a){a.__N&&(a.__=a.__N),a.u=a.__N=void 0})),ln=V},H.diffed=function(e){So&&So(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&No(Do.push(t)),t.__H.__.some(function(a){a.u&&(a.__H=a.u)})),ln=V=null},H.__c=function(e,t){t.some(function(a){try{a.__h.some(Et),a.__h=a.__h.filter(function(n){return!n.__||pn(n)})}catch(n){a.__h=[function(){throw n}]}}),To&&To(e,t)},H.unmount=function(e){Ao&&Ao(e);var t,a,n=e.__c;n&&n.__H&&(n.__H.__.some(function(s){try{if(s.__P&&s.__c){if(a===void 0){for(a=e.__;a&&(!a.__c||!a.__c.__P);)a=a.__;a=a&&a.__c}s.__P=a,No(dn.push(s))}else Et(s)}catch(i){t=i}}),n.__H=void 0,t&&H.__e(t,n.__v))};var Eo=typeof requestAnimationFrame=="function";function rr(e){var t,a=function(){clearTimeout(n),Eo&&cancelAnimationFrame(t),setTimeout(e)},n=setTimeout(a,35);Eo&&(t=requestAnimationFrame(a))}function No(e){e!=1&&wo==H.requestAnimationFrame||((wo=H.requestAnimationFrame)||rr)(ir)}function Et(e){var t=V,a=e.__c;typeof a=="function"&&(e.__c=void 0,a()),V=t}function pn(e){var t=V;e.__c=e.__(),V=t}function un(e,t){return!e||e.length!=t.length||t.some(function(a,n){return!cn(a,e[n])})}function Ro(e,t){return typeof t=="function"?t(e):t}var lr=Symbol.for("preact-signals");function la(){if(Re>1)Re--;else{var e,t=!1;for((function(){var s=ia;for(ia=void 0;s!==void 0;){var i=s.S;if(i.v===s.v)for(var r=i.t;r!==void 0;r=r.x)r.i===s.i&&(r.i=i.i);s=s.o}})();Dt!==void 0;){var a=Dt;for(Dt=void 0,sa++;a!==void 0;){var n=a.u;if(a.u=void 0,a.f&=-3,!(8&a.f)&&zo(a))try{a.c()}catch(s){t||(e=s,t=!0)}a=n}}if(sa=0,Re--,t)throw e}}function Fe(e){if(Re>0)return e();fn=++cr,Re++;try{return e()}finally{la()}}var Nt,W=void 0;function qt(e){var t=W,a=Nt;W=void 0,Nt=void 0;try{return e()}finally{W=t,Nt=a}}var Dt=void 0,Re=0,sa=0,cr=0,fn=0,ia=void 0,ra=0;function Po(e){if(W!==void 0){var t=e.n;if(t===void 0||t.t!==W)return t={i:0,S:e,p:W.s,n:void 0,t:W,e:void 0,x:void 0,r:t},W.s!==void 0&&(W.s.n=t),W.s=t,e.n=t,32&W.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=W.s,t.n=void 0,W.s.n=t,W.s=t),t}}function X(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}X.prototype.brand=lr;X.prototype.h=function(){return!0};X.prototype.S=function(e){var t=this,a=this.t;a!==e&&e.e===void 0&&(e.x=a,this.t=e,a!==void 0?a.e=e:qt(function(){var n;(n=t.W)==null||n.call(t)}))};X.prototype.U=function(e){var t=this;if(this.t!==void 0){var a=e.e,n=e.x;a!==void 0&&(a.x=n,e.e=void 0),n!==void 0&&(n.e=a,e.x=void 0),e===this.t&&(this.t=n,n===void 0&&qt(function(){var s;(s=t.Z)==null||s.call(t)}))}};X.prototype.subscribe=function(e){var t=this;return Pe(function(){var a=t.value;qt(function(){return e(a)})},{name:"sub"})};X.prototype.valueOf=function(){return this.value};X.prototype.toString=function(){return this.value+""};X.prototype.toJSON=function(){return this.value};X.prototype.peek=function(){var e=this;return qt(function(){return e.value})};Object.defineProperty(X.prototype,"value",{get:function(){var e=Po(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(sa>100)throw new Error("Cycle detected");(function(a){Re!==0&&sa===0&&a.l!==fn&&(a.l=fn,ia={S:a,v:a.v,i:a.i,o:ia})})(this),this.v=e,this.i++,ra++,Re++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{la()}}}});function A(e,t){return new X(e,t)}function zo(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function Mo(e){for(var t=e.s;t!==void 0;t=t.n){var a=t.S.n;if(a!==void 0&&(t.r=a),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function Lo(e){for(var t=e.s,a=void 0;t!==void 0;){var n=t.p;t.i===-1?(t.S.U(t),n!==void 0&&(n.n=t.n),t.n!==void 0&&(t.n.p=n)):a=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=n}e.s=a}function tt(e,t){X.call(this,void 0,t),this.x=e,this.s=void 0,this.g=ra-1,this.f=4}tt.prototype=new X;tt.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===ra))return!0;if(this.g=ra,this.f|=1,this.i>0&&!zo(this))return this.f&=-2,!0;var e=W;try{Mo(this),W=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(a){this.v=a,this.f|=16,this.i++}return W=e,Lo(this),this.f&=-2,!0};tt.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}X.prototype.S.call(this,e)};tt.prototype.U=function(e){if(this.t!==void 0&&(X.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};tt.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(tt.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=Po(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function te(e,t){return new tt(e,t)}function Oo(e){var t=e.j;if(e.j=void 0,typeof t=="function"){Re++;var a=W;W=void 0;try{t()}catch(n){throw e.f&=-2,e.f|=8,mn(e),n}finally{W=a,la()}}}function mn(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,Oo(e)}function dr(e){if(W!==this)throw new Error("Out-of-order effect");Lo(this),W=e,this.f&=-2;try{8&this.f&&mn(this)}finally{la()}}function ut(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,Nt&&Nt.push(this)}ut.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};ut.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,Oo(this),Mo(this),Re++;var e=W;return W=this,dr.bind(this,e)};ut.prototype.N=function(){2&this.f||(this.f|=2,this.u=Dt,Dt=this)};ut.prototype.d=function(){this.f|=8,1&this.f||mn(this)};ut.prototype.dispose=function(){this.d()};function Pe(e,t){var a=new ut(e,t);try{a.c()}catch(s){throw a.d(),s}var n=a.d.bind(a);return n[Symbol.dispose]=n,n}var Uo,da,ca,pr=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var Wo=[];Pe(function(){Uo=this.N})();function ft(e,t){R[e]=t.bind(null,R[e]||function(){})}function Rt(e){if(ca){var t=ca;ca=void 0,t()}ca=e&&e.S()}function Fo(e){var t=this,a=e.data,n=fr(a);n.name="ReactiveDom",n.value=a;var s=oa(function(){for(var l=t,d=t.__v;d=d.__;)if(d.__c){d.__c.__$f|=4;break}var m=te(function(){var p=n.value.value;return p===0?0:p===!0?"":p||""}),c=te(function(){return!Array.isArray(m.value)&&!Xa(m.value)}),f=Pe(function(){if(this.N=jo,c.value){var p=m.value;l.__v&&l.__v.__e&&l.__v.__e.nodeType===3&&(l.__v.__e.data=p)}}),u=t.__$u.d;return t.__$u.d=function(){f(),u.call(this)},[c,m]},[]),i=s[0],r=s[1];return i.value?r.peek():r.value}Fo.displayName="ReactiveTextNode";Object.defineProperties(X.prototype,{constructor:{configurable:!0,value:It(et,null).constructor},type:{configurable:!0,value:Fo},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});ft("__b",function(e,t){if(Rt(),da=void 0,typeof t.type=="string"){var a,n=t.props;for(var s in n)if(s!=="children"){var i=n[s];i instanceof X&&(a||(t.__np=a={}),a[s]=i,n[s]=i.peek())}}e(t)});ft("__r",function(e,t){if(e(t),t.type!==et){Rt();var a,n=t.__c;n&&(n.__$f&=-2,(a=n.__$u)===void 0&&(n.__$u=a=(function(s,i){var r;return Pe(function(){r=this},{name:i}),r.c=s,r})((function(s){return function(){var i;pr&&((i=this.y)==null||i.call(this)),s.__$f|=1,s.setState({})}})(n),typeof t.type=="function"?t.type.displayName||t.type.name:""))),da=n,Rt(a)}});ft("__e",function(e,t,a,n){Rt(),da=void 0,e(t,a,n)});ft("diffed",function(e,t){Rt(),da=void 0;var a;if(typeof t.type=="string"&&(a=t.__e)){var n=t.__np,s=t.props,i=a.U;if(i)for(var r in i){var l=i[r];l===void 0||n&&r in n||(l.d(),i[r]=void 0)}if(n){i||(i={},a.U=i);for(var d in n){var m=i[d],c=n[d];m===void 0?(m=ur(a,d,c,s),i[d]=m):m.o(c,s)}}}e(t)});function ur(e,t,a,n){var s=t in e&&e.ownerSVGElement===void 0,i=A(a);return{o:function(r,l){i.value=r,n=l},d:Pe(function(){this.N=jo;var r=i.value.value;n[t]!==r&&(n[t]=r,s?e[t]=r:r!=null&&(r!==!1||t[4]==="-")?e.setAttribute(t,r):e.removeAttribute(t))})}}ft("unmount",function(e,t){if(typeof t.type=="string"){var a=t.__e;if(a){var n=a.U;if(n){a.U=void 0;for(var s in n){var i=n[s];i&&i.d()}}}var r=t.__np;if(r){var l=t.props;for(var d in r)l[d]=r[d]}t.__np=void 0}else{var m=t.__c;if(m){m.__$f|=8;var c=m.__$u;c&&(m.__$u=void 0,c.d())}}e(t)});ft("__h",function(e,t,a,n){n<3&&(t.__$f|=2),e(t,a,n)});Xe.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var a=this.__$u,n=a&&a.s!==void 0;for(var s in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var i=2&this.__$f;if(!(n||i||4&this.__$f)||1&this.__$f)return!0}else if(!(n||4&this.__$f)||3&this.__$f)return!0;for(var r in e)if(r!=="__source"&&e[r]!==this.props[r])return!0;for(var l in this.props)if(!(l in e))return!0;return!1};function fr(e,t){return oa(function(){return A(e,t)},[])}var mr=function(e){queueMicrotask(function(){queueMicrotask(e)})};function hr(){Fe(function(){for(var e;e=Wo.shift();)Uo.call(e)})}function jo(){Wo.push(this)===1&&(R.requestAnimationFrame||mr)(hr)}var Ho="parley_csrf",gr="X-CSRF-Token",ht=Bo(Ho);function Bo(e){for(let t of document.cookie.split(";")){let[a,...n]=t.trim().split("=");if(a===e)return decodeURIComponent(n.join("="))}return""}var bt=class extends Error{constructor(t,a){super(a?.detail||a?.title||`Request failed (${t})`),this.status=t,this.code=a?.code||"",this.reason=a?.reason||"",this.fields=a?.errors||[]}};async function Me(e,t,{body:a,query:n,headers:s={},raw:i}={}){let r=t;if(n){let u=new URLSearchParams;for(let[g,y]of Object.entries(n))y==null||y===""||(Array.isArray(y)?y.forEach(b=>u.append(g,b)):u.set(g,String(y)));let p=u.toString();p&&(r+="?"+p)}let l={Accept:"application/json",...s};e!=="GET"&&e!=="HEAD"&&(ht||(ht=Bo(Ho)),ht&&(l[gr]=ht));let d;i!==void 0?d=i:a!==void 0&&(l["Content-Type"]="application/json",d=JSON.stringify(a));let m;try{m=await fetch(r,{method:e,headers:l,body:d,credentials:"same-origin"})}catch{throw new bt(0,{detail:"The server cannot be reached. Check your connection."})}if(m.status===204)return null;let c=await m.text(),f=null;if(c)try{f=JSON.parse(c)}catch{f=null}if(!m.ok){let u=new bt(m.status,f);throw m.status===401&&hn&&!t.endsWith("/auth/login")&&hn(u),u}return f}var hn=null;function Vo(e){hn=e}var I=(e,t)=>Me("GET",e,{query:t}),D=(e,t,a)=>Me("POST",e,{body:t,query:a}),ze=(e,t)=>Me("PATCH",e,{body:t}),gt=(e,t)=>Me("PUT",e,{body:t}),we=e=>Me("DELETE",e);async function mt(e,t={},a=1e3){let n=[],s="";do{let i=await I(e,{...t,limit:200,cursor:s});n.push(...i.items||[]),s=i.next_cursor||""}while(s&&n.length<a);return n}async function Ko(e,t,a){let n=await D("/api/v1/auth/login",{email:e,password:t,workspace:a||void 0});return ht=n.csrf_token,n}async function Yo(){try{await D("/api/v1/auth/logout")}finally{ht=""}}var F=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,$={conversations:e=>mt("/api/v1/conversations",e),conversation:e=>I(F(e)),messages:(e,t)=>I(F(e)+"/messages",t),context:(e,t)=>I(F(e)+"/context",t),panels:e=>I(F(e)+"/panels").then(t=>t.items),panelToken:(e,t)=>D(`/api/v1/apps/${encodeURIComponent(e)}/panel-token`,{conversation_id:t}),send:(e,t)=>D(F(e)+"/messages",t),assign:(e,t)=>D(F(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,a)=>D(F(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:a}),unassign:(e,t)=>D(F(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>D(F(e)+"/resolve"),reopen:e=>D(F(e)+"/reopen"),markRead:(e,t)=>D(F(e)+"/read",{seq:t}),unread:e=>I(F(e)+"/unread"),myOffers:()=>I("/api/v1/me/offers"),acceptOffer:e=>D(F(e)+"/offer/accept"),declineOffer:e=>D(F(e)+"/offer/decline"),readStates:e=>I(F(e)+"/read-states"),upload:(e,t)=>Me("POST",F(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>I(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>mt("/api/v1/agents"),createAgent:e=>D("/api/v1/agents",e),updateAgent:(e,t)=>ze(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>mt("/api/v1/inboxes"),createInbox:e=>D("/api/v1/inboxes",e),updateInbox:(e,t)=>ze(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>mt("/api/v1/tokens"),createToken:e=>D("/api/v1/tokens",e),revokeToken:e=>we(`/api/v1/tokens/${encodeURIComponent(e)}`),contextEndpoints:()=>I("/api/v1/context-endpoints").then(e=>e.items),createContextEndpoint:e=>D("/api/v1/context-endpoints",e),rotateContextSecret:e=>D(`/api/v1/context-endpoints/${encodeURIComponent(e)}/secret`),deleteContextEndpoint:e=>we(`/api/v1/context-endpoints/${encodeURIComponent(e)}`),webhooks:()=>mt("/api/v1/webhooks"),webhookEventTypes:()=>I("/api/v1/webhooks/event-types").then(e=>e.items),createWebhook:e=>D("/api/v1/webhooks",e),updateWebhook:(e,t)=>ze(`/api/v1/webhooks/${encodeURIComponent(e)}`,t),deleteWebhook:e=>we(`/api/v1/webhooks/${encodeURIComponent(e)}`),rotateWebhookSecret:e=>D(`/api/v1/webhooks/${encodeURIComponent(e)}/rotate-secret`),pingWebhook:e=>D(`/api/v1/webhooks/${encodeURIComponent(e)}/ping`),webhookDeliveries:e=>I(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries`,{limit:25}).then(t=>t.items),webhookDelivery:(e,t)=>I(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}`),redeliverWebhook:(e,t)=>D(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}/redeliver`),teams:()=>I("/api/v1/teams").then(e=>e.items),createTeam:e=>D("/api/v1/teams",e),updateTeam:(e,t)=>ze(`/api/v1/teams/${encodeURIComponent(e)}`,t),deleteTeam:e=>we(`/api/v1/teams/${encodeURIComponent(e)}`),queues:()=>I("/api/v1/queues").then(e=>e.items),createQueue:e=>D("/api/v1/queues",e),updateQueue:(e,t)=>ze(`/api/v1/queues/${encodeURIComponent(e)}`,t),deleteQueue:e=>we(`/api/v1/queues/${encodeURIComponent(e)}`),setBusinessHours:(e,t)=>gt(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`,t),deleteBusinessHours:e=>we(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`),routingRules:()=>I("/api/v1/routing-rules").then(e=>e.rules),setRoutingRules:e=>gt("/api/v1/routing-rules",{rules:e}),moveToQueue:(e,t)=>D(F(e)+"/queue",t),escalate:(e,t)=>D(F(e)+"/escalate",{reason:t}),apps:()=>mt("/api/v1/apps"),app:e=>I(`/api/v1/apps/${encodeURIComponent(e)}`),installApp:e=>D("/api/v1/apps",e),disableApp:e=>D(`/api/v1/apps/${encodeURIComponent(e)}/disable`),enableApp:e=>D(`/api/v1/apps/${encodeURIComponent(e)}/enable`),uninstallApp:e=>we(`/api/v1/apps/${encodeURIComponent(e)}`),audit:e=>I("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>gt("/api/v1/me/presence",{status:e}),snooze:(e,t)=>D(F(e)+"/snooze",t?{until:t}:void 0),unsnooze:e=>D(F(e)+"/unsnooze"),setPriority:(e,t)=>D(F(e)+"/priority",{priority:String(t)}),canned:()=>I("/api/v1/canned-responses"),renderCanned:(e,t)=>D(`/api/v1/canned-responses/${encodeURIComponent(e)}/render`,{conversation_id:t}),labels:()=>I("/api/v1/labels"),conversationLabels:e=>I(F(e)+"/labels"),addLabel:(e,t)=>gt(F(e)+"/labels/"+encodeURIComponent(t)),removeLabel:(e,t)=>we(F(e)+"/labels/"+encodeURIComponent(t)),search:(e,t)=>I("/api/v1/search",{q:e,type:"messages",limit:25,cursor:t})};var at=A("connecting"),gn=new Set,Le=new Map,ke=null,Pt=1e3,bn=0,br=1,zt=!0,vt=new Map;function je(e){return gn.add(e),()=>gn.delete(e)}function Qo(){zt&&(zt=!1,vn())}function Go(){zt=!0,clearTimeout(bn),Le.clear(),ke&&ke.close(1e3),ke=null}function vn(){at.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);ke=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=a=>{let n;try{n=JSON.parse(a.data)}catch{return}if(n.type==="ready"){at.value="online",Pt=1e3,Ce({type:"subscribe_feed"}).catch(()=>{});for(let[s,i]of Le)Ce({type:"subscribe",conversation_id:s,after_seq:i}).catch(()=>{})}if(n.type==="message"&&n.message){let s=Le.get(n.conversation_id);s!==void 0&&n.message.seq>s&&Le.set(n.conversation_id,n.message.seq)}if(n.type==="subscribed"){let s=Le.get(n.conversation_id);s!==void 0&&Le.set(n.conversation_id,Math.max(s,n.last_seq))}if(n.id&&vt.has(n.id)){let s=vt.get(n.id);vt.delete(n.id),n.type==="error"?s.reject(n):s.resolve(n)}for(let s of gn)try{s(n)}catch(i){console.error(i)}},t.onclose=a=>{if(ke!==t)return;ke=null;for(let s of vt.values())s.reject({code:"unavailable",message:"disconnected"});if(vt.clear(),zt||(at.value="offline",a.code===1008&&a.reason==="no session cookie"))return;let n=Math.min(Pt,3e4)*(.8+Math.random()*.4);Pt=Math.min(Pt*2,3e4),bn=setTimeout(vn,n)}}function Jo(){zt||ke||(clearTimeout(bn),Pt=1e3,vn())}function Ce(e){return new Promise((t,a)=>{if(!ke||ke.readyState!==WebSocket.OPEN||at.value!=="online"){a({code:"unavailable",message:"not connected"});return}let n="c"+br++;vt.set(n,{resolve:t,reject:a}),ke.send(JSON.stringify({...e,id:n}))})}function $n(e,t){let a=Le.get(e);a!==void 0&&a>=t||(Le.set(e,t),at.value==="online"&&Ce({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var Zo=e=>Le.has(e);function Xo(e,t){Ce({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var ts="parley.console.sound",He=A(typeof Notification>"u"?"unsupported":Notification.permission),Mt=A(localStorage.getItem(ts)!=="off"),ve=null;async function as(){if(yn(),!(typeof Notification>"u"))try{He.value=await Notification.requestPermission()}catch{He.value=Notification.permission}}function ns(e){Mt.value=e,localStorage.setItem(ts,e?"on":"off"),e&&yn()}function yn(){let e=window.AudioContext||window.webkitAudioContext;e&&(ve||(ve=new e),ve.state==="suspended"&&ve.resume().catch(()=>{}))}function os(e){e.isTrusted&&Mt.value&&ve?.state!=="running"&&yn()}document.addEventListener("pointerdown",os,!0);document.addEventListener("keydown",os,!0);function vr(){if(!Mt.value||!ve||ve.state!=="running")return;let e=ve.currentTime;[[880,0],[1318.5,.12]].forEach(([t,a])=>{let n=ve.createOscillator(),s=ve.createGain();n.type="sine",n.frequency.value=t,s.gain.setValueAtTime(1e-4,e+a),s.gain.exponentialRampToValueAtTime(.18,e+a+.02),s.gain.exponentialRampToValueAtTime(1e-4,e+a+.35),n.connect(s).connect(ve.destination),n.start(e+a),n.stop(e+a+.4)})}function pa(e,t,a){if(document.hidden&&(vr(),He.value==="granted"))try{let n=new Notification(e,{body:t.slice(0,140),tag:a,icon:void 0});n.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:a})),n.close()}}catch{}}var Y=A(null),In=A(!1),B=A({}),de=A({}),re=A({}),ce=A({}),fe=A([]),st=A([]),K=A({}),Ve=A({}),Se=A({}),$t=A({}),ha=A(!0),Rc=te(()=>{let e=oe.value[xt("resolved")];return!!e&&!e.loading}),yt=A([]),it=A(null),ma=!1;function Ut(){ma||(ma=!0,Promise.all([$.queues(),$.teams()]).then(([e,t])=>{it.value={queues:e,teams:t}}).catch(()=>{ma=!1}))}function Wt(){ma=!1,it.value=null}var Te=A(""),ue=te(()=>Y.value?.agent?.id||""),ge=te(()=>Y.value?.agent?.role||""),$r=te(()=>new Set(Y.value?.scopes||[])),En=e=>$r.value.has(e),ga=e=>{let t=/^(.*?)(?:\.(\d+))?Z$/.exec(e||"");return t?t[1]+"."+(t[2]||"").padEnd(9,"0"):e||""},ba=(e,t)=>e<t?-1:e>t?1:0,ua=(e,t)=>ba(ga(t.updated_at),ga(e.updated_at))||ba(t.id,e.id),yr=(e,t)=>ba(ga(e.created_at),ga(t.created_at))||ba(e.id,t.id),ds=A(Date.now());setInterval(()=>{ds.value=Date.now()},3e4);var nt=e=>!!e.snoozed_until_reply||!!e.snoozed_until&&Date.parse(e.snoozed_until)>Date.now(),ss=e=>e.status==="pending"||e.status==="assigned",Nn={queue:{member:e=>e.status==="pending"&&!nt(e),order:yr,query:()=>({status:"pending",snoozed:"false",sort:"oldest"})},mine:{member:e=>e.status==="assigned"&&e.assignee_id===ue.value&&!nt(e),order:ua,query:()=>({status:"assigned",assignee_id:ue.value,snoozed:"false",sort:"last_activity"})},open:{member:e=>ss(e)&&!nt(e),order:ua,query:()=>({status:"pending,assigned",snoozed:"false",sort:"last_activity"})},snoozed:{member:e=>ss(e)&&nt(e),order:ua,query:()=>({status:"pending,assigned",snoozed:"true",sort:"last_activity"})},resolved:{member:e=>e.status==="resolved",order:ua,query:()=>({status:"resolved",sort:"last_activity"})}},xr=100,oe=A({}),Ae=A(""),Oe=A(""),ps=()=>!!(Ae.value||Oe.value),xt=e=>ps()?`${e}#${Ae.value}#${Oe.value}`:e;function _r(e,t){let a=oe.value[xt(e)];return a?ps()?!!a.ids?.has(t.id):a.done||!a.edge?a.done:Nn[e].order(t,a.edge)<=0:!1}var rt=te(()=>{ds.value;let e=Object.values(B.value),t={};for(let[a,n]of Object.entries(Nn))t[a]=e.filter(s=>n.member(s)&&_r(a,s)).sort(n.order);return t}),us=e=>{let t=oe.value[xt(e)];return!t||!t.done},fs=e=>{let t=oe.value[xt(e)];return!!t&&!t.loading};function ms(e){oe.value[xt(e)]||ot(e)}function Dn(e,t,a){let n={...oe.value};for(let[s,i]of Object.entries(n)){if(!s.includes("#"+t+"#")||!i.ids)continue;let r=new Set(i.ids);a?r.add(e):r.delete(e),n[s]={...i,ids:r}}oe.value=n}async function ot(e){let t=Nn[e],a=xt(e),n=Ae.value,s=Oe.value,i=oe.value[a];if(!t||i?.done||i?.loading)return;oe.value={...oe.value,[a]:{...i,loading:!0}};let r={...i,loading:!1};try{let l=await I("/api/v1/conversations",{...t.query(),label_id:n||void 0,priority:s||void 0,limit:xr,cursor:i?.cursor||void 0}),d=l.items||[];Fe(()=>{for(let f of d)be(f)});let m=d[d.length-1];r={cursor:l.next_cursor||"",done:!l.next_cursor,loading:!1,edge:m?{...m}:i?.edge,ids:n||s?new Set([...i?.ids||[],...d.map(f=>f.id)]):void 0};let c=d.filter(Rn);for(let f of c)bs(f);xa(c.map(f=>f.id))}catch(l){k(l,"Could not load conversations")}finally{oe.value={...oe.value,[a]:r}}}var Pc=te(()=>rt.value.mine.reduce((e,t)=>e+(re.value[t.id]||0),0)),is=new Set;function wr(e){if(!e?.id||ge.value!=="admin"&&ge.value!=="supervisor")return;let t=e.id+" "+e.escalation_overdue_at;is.has(t)||(is.add(t),C(`Overdue: ${se(e.contact_id)} has waited past the last tier.`,"error"))}var kr=0;function C(e,t="info"){let a=++kr;yt.value=[...yt.value,{id:a,text:e,kind:t}],setTimeout(()=>qn(a),t==="error"?8e3:4e3)}function qn(e){yt.value=yt.value.filter(t=>t.id!==e)}function k(e,t){let a=e instanceof bt||e?.message?e.message:String(e),n=(e?.fields||[]).map(s=>s.message).filter(Boolean);n.length&&(a=n.join("; ")),C(t?`${t}: ${a}`:a,"error")}function be(e){if(!e?.id)return;let t=B.value[e.id];if(t&&t.updated_at>e.updated_at)return;let a={...t,...e};if(e.status)for(let n of["snoozed_until","snoozed_until_reply","waiting_since"])n in e||delete a[n];B.value={...B.value,[e.id]:a}}var Rn=e=>e.status==="pending"||e.status==="assigned";async function hs(){ha.value=!0,Qo();try{let[e,t]=await Promise.all([$.agents().catch(()=>[]),$.inboxes().catch(()=>[]),ot("queue"),ot("mine"),ot("open")]);Fe(()=>{fe.value=e,st.value=t})}finally{ha.value=!1}}var fa=null;function Pn(){return fa||(fa=$.agents().then(e=>{fe.value=e},()=>{}).finally(()=>{fa=null})),fa}var pe=A({});function rs(e,t){if(!e?.conversation_id||e.agent_id!==ue.value)return;let a=pe.value[e.conversation_id];if(t==="conversation.offered"&&e.state==="open"){if(a?.id===e.id||va.has(e.id))return;let n=Date.parse(e.expires_at)-Date.parse(e.offered_at);pe.value={...pe.value,[e.conversation_id]:{...e,deadline:Date.now()+(n>0?n:0)}};let s=B.value[e.conversation_id];pa("Conversation offered to you",`${s?se(s.contact_id):"A visitor"} is waiting: accept or decline`,`/console/queue/${e.conversation_id}`);return}va.add(e.id),a&&a.id===e.id&&Ft(e.conversation_id)}var va=new Set;function Ft(e){let t=pe.value[e];if(!t)return;va.add(t.id);let a={...pe.value};delete a[e],pe.value=a}async function Cr(){try{let e=await $.myOffers(),t={};for(let a of e.items||[]){if(va.has(a.id))continue;let n=pe.value[a.conversation_id];t[a.conversation_id]=n?.id===a.id?n:{...a,deadline:Date.parse(a.expires_at)},B.value[a.conversation_id]||$.conversation(a.conversation_id).then(s=>{be(s),$e(s.contact_id)},()=>{})}pe.value=t}catch{}}async function gs(e,t){let a=t?"accept_offer":"decline_offer",n=null;try{n=(await Ce({type:a,conversation_id:e}).catch(i=>{if(i?.code!=="unavailable")throw i;return $[t?"acceptOffer":"declineOffer"](e).then(r=>({conversation:r}))})).conversation||null,n&&be(n)}catch(s){let i=s?.reason||"",r=i==="expired"?"The offer has expired.":i==="no_offer"?"The offer is no longer open.":null;r?C(r,"info"):k(s,t?"Could not accept the conversation":"Could not decline the conversation")}return Ft(e),n}function ya(){Go(),An.clear(),Wt(),Fe(()=>{Y.value=null,B.value={},de.value={},re.value={},ce.value={},K.value={},Ve.value={},oe.value={},pe.value={},Ae.value="",Oe.value="",Te.value=""})}function bs(e){Rn(e)&&$n(e.id,Math.max(0,e.last_seq-1))}var $a=[],Tn=new Set,Lt={},xn=0,zn=e=>Te.value===e&&!document.hidden;function xa(e){for(let t of e)Tn.has(t)||(Tn.add(t),$a.push(t));for(;xn<4&&$a.length;)xn++,Sr().finally(()=>{xn--})}async function Sr(){for(;$a.length;){let e=$a.shift();Tn.delete(e);let t=Lt[e]=(Lt[e]||0)+1;try{let a=await $.unread(e);Lt[e]===t&&!zn(e)&&(re.value={...re.value,[e]:a.count})}catch{}}}var An=new Map,_n=new Map;function $e(e,t=!1){if(!e)return;let a=An.get(e);if(!(a!==void 0&&!t)){if(a!==void 0&&Date.now()-a<3e3){_n.has(e)||_n.set(e,setTimeout(()=>{_n.delete(e),$e(e,!0)},3e3-(Date.now()-a)));return}An.set(e,Date.now()),$.contact(e).then(n=>{ce.value={...ce.value,[e]:n}},()=>{ce.value[e]||(ce.value={...ce.value,[e]:{id:e,missing:!0}})})}}var vs=e=>{let t=ce.value[e];return!!t&&!t.missing&&!t.name};function se(e){let t=ce.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function Ke(e){return e?e===ue.value?"you":fe.value.find(t=>t.id===e)?.name||"an agent":""}function ye(e){let t=st.value.find(a=>a.id===e)?.name;return!t&&e&&Tr(),t||""}var wn=null,ls=0;function Tr(){wn||Date.now()-ls<1e4||(wn=$.inboxes().then(e=>{st.value=e},()=>{}).finally(()=>{wn=null,ls=Date.now()}))}function _a(e,t){let a=new Map(e.map(n=>[n.seq,n]));for(let n of t)a.set(n.seq,n);return[...a.values()].sort((n,s)=>n.seq-s.seq)}async function wa(e,t=0){Te.value=e;let a=B.value[e];try{a||(a=await $.conversation(e),be(a)),$e(a.contact_id,!0);let s=(await $.messages(e,{before_seq:a.last_seq+1,limit:50})).items||[];K.value={...K.value,[e]:_a(K.value[e]||[],s)};let i=s[s.length-1];i&&!(de.value[e]?.seq>=i.seq)&&(de.value={...de.value,[e]:i}),Ve.value={...Ve.value,[e]:s.length>0&&s[0].seq>1&&s.length===50},$n(e,s.length?s[s.length-1].seq:a.last_seq),$.readStates(e).then(r=>{let l=(r.items||[]).find(d=>d.participant.type==="contact");l&&($t.value={...$t.value,[e]:l.last_read_seq})}).catch(()=>{}),jt(e);for(let r=0;t&&r<100;r++){let l=K.value[e]||[];if(!l.length||l[0].seq<=t||!Ve.value[e])break;await Mn(e)}}catch(n){k(n,"Could not open the conversation")}}async function Mn(e){let t=K.value[e]||[];if(t.length)try{let n=(await $.messages(e,{before_seq:t[0].seq,limit:50})).items||[];K.value={...K.value,[e]:_a(K.value[e]||[],n)},Ve.value={...Ve.value,[e]:n.length===50&&n[0].seq>1}}catch(a){k(a,"Could not load earlier messages")}}var kn={};function jt(e){if(document.hidden||Te.value!==e)return;let t=K.value[e]||[],a=B.value[e],n=Math.max(t.length?t[t.length-1].seq:0,a?.last_seq||0);n>0&&(kn[e]||0)<n&&(kn[e]=n,Ce({type:"read",conversation_id:e,seq:n}).catch(()=>$.markRead(e,n)).catch(()=>{kn[e]=0})),Lt[e]=(Lt[e]||0)+1,re.value[e]&&(re.value={...re.value,[e]:0})}function Ln(e){let t=e.conversation_id;K.value[t]&&(K.value={...K.value,[t]:_a(K.value[t],[e])}),de.value={...de.value,[t]:e}}function Ar(e){let t=e.message,a=e.conversation_id,n=B.value[a],s=n&&t.seq>n.last_seq,i=t.sender?.type==="agent"&&t.sender.id===ue.value;if(Fe(()=>{K.value[a]&&(K.value={...K.value,[a]:_a(K.value[a],[t])});let r=de.value[a];if((!r||r.seq<=t.seq)&&(de.value={...de.value,[a]:t}),s&&(B.value={...B.value,[a]:{...n,last_seq:t.seq,updated_at:t.created_at>n.updated_at?t.created_at:n.updated_at}}),t.sender?.type==="contact"){let l={...Se.value};delete l[a],Se.value=l}}),n&&t.sender?.type==="contact"&&vs(n.contact_id)&&$e(n.contact_id,!0),!(!s||i||t.kind==="event")){if(zn(a)){jt(a);return}re.value={...re.value,[a]:(re.value[a]||0)+1},xa([a]),n.status==="assigned"&&n.assignee_id===ue.value&&t.sender?.type==="contact"&&pa(`New message from ${se(n.contact_id)}`,t.body||"Sent a file",`/console/mine/${a}`)}}function cs(e,t){let a=B.value[e.id];be(e);let n=pe.value[e.id];n&&(e.status!=="pending"||e.queue_id&&e.queue_id!==n.queue_id)&&Ft(e.id),$e(e.contact_id,vs(e.contact_id)),Rn(e)&&!Zo(e.id)&&(bs(e),xa([e.id])),t==="conversation.queued"&&(!a||a.status!=="pending")&&pa("New conversation waiting",`${se(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}je(e=>{switch(e.type){case"message":e.message&&Ar(e);break;case"message.updated":case"message.deleted":e.message&&Ln(e.message);break;case"conversation":e.conversation&&cs(e.conversation,e.event),e.offer&&rs(e.offer,e.event);break;case"event":e.event?.type==="conversation.escalation_overdue"&&wr(e.event.payload?.conversation),e.event?.payload?.conversation&&cs(e.event.payload.conversation,e.event.type),e.event?.payload?.offer&&rs(e.event.payload.offer,e.event.type);break;case"subscribed":if(e.conversation){let t=B.value[e.conversation.id]?.last_seq||0;be(e.conversation),e.conversation.last_seq>t&&!zn(e.conversation.id)&&xa([e.conversation.id])}break;case"ready":Cr();break;case"typing":(e.by?.type==="contact"||e.by?.id!==ue.value)&&(Se.value={...Se.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&($t.value={...$t.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&Te.value&&jt(Te.value)});async function On(){try{let e=await I("/api/v1/me");if(e.kind!=="agent"){Y.value=null;return}Y.value=e}catch{Y.value=null}finally{In.value=!0}}var Ot=A(null),Cn=null;function $s(){Ot.value||Cn||(Cn=$.canned().then(e=>{Ot.value=e.items||[]},()=>{Ot.value=[]}).finally(()=>{Cn=null}))}var Be=A(null),Sn=null;function ka(e=!1){Be.value&&!e||Sn||(Sn=$.labels().then(t=>{Be.value=t.items||[]},()=>{Be.value||(Be.value=[])}).finally(()=>{Sn=null}))}var z="/console",Ca=A(location.pathname),lt=te(()=>{let e=Ca.value.slice(z.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="visitors"?{section:"visitors"}:e[0]==="admin"?{section:"admin",page:e[1]||"agents",id:e[2]||""}:e[0]==="reports"?{section:"reports"}:e[0]==="supervisor"?{section:"supervisor"}:e[0]==="search"?{section:"search",q:e[1]||"",conversation:e[2]||"",seq:Number(e[3])||0}:{section:"inbox",list:["queue","mine","open","snoozed","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function j(e,{replace:t=!1}={}){e!==Ca.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Ca.value=e)}var ae=(e,t)=>`${z}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{Ca.value=location.pathname});window.addEventListener("parley:navigate",e=>j(e.detail));var Un=(e,t,a)=>`${z}/search/${encodeURIComponent(e)}${t?"/"+encodeURIComponent(t)+(a?"/"+a:""):""}`;var Ie=A({}),_t=te(()=>Ie.value.product_name||"Parley");async function ys(){try{Ie.value=await I("/api/v1/branding")}catch{}}Pe(()=>{let e=Ie.value;document.title=`${_t.value} console`;let t=document.documentElement.style;e.color?(t.setProperty("--accent",e.color),t.setProperty("--accent-hover",e.color)):(t.removeProperty("--accent"),t.removeProperty("--accent-hover"))});var Q=e=>({size:t=18}={})=>o`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,Sa=Q(o`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),Ta=Q(o`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),ct=Q(o`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),Aa=Q(o`<path d="M20 6 9 17l-5-5"/>`),Ia=Q(o`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),Wn=Q(o`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Ht=Q(o`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),Fn=Q(o`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),xs=Q(o`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),Ea=Q(o`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),wt=Q(o`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),_s=Q(o`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),ws=Q(o`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),Na=Q(o`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),ks=Q(o`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),kt=Q(o`<path d="M18 6 6 18M6 6l12 12"/>`),xe=Q(o`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),Cs=Q(o`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),Da=Q(o`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`),qa=Q(o`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),Ra=()=>o`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function Pa(){let e=Ie.value.logo_url;return o`${e?o`<img class="brand-logo" src=${e} alt="" data-brand-logo />`:o`<${Ra} />`}<span data-product-name>${_t.value}</span>`}var Ir={oidc_state:"That sign-in expired or was started in another browser. Please try again.",oidc_unavailable:"The identity provider cannot be reached. Try again later.",oidc_id_token:"The identity provider’s answer could not be verified. Ask an administrator.",oidc_off:"Single sign-on is not set up for this workspace.",oidc_provider_error:"The identity provider did not sign you in.",no_account:"You have no account in this workspace yet. Ask an administrator to create yours.",no_role:"Your identity gives you no role in this workspace. Ask an administrator.",identity_invalid:"Your identity has no email address Parley can use, or is linked to another account.",unauthorized:"Your account cannot sign in. It may be disabled.",rate_limited:"Too many sign-ins from your address. Try again later."},jn=null;function Ss(e){jn=e}function Ts({onLoggedIn:e}){let t=new URLSearchParams(location.search),[a,n]=h(""),[s,i]=h(""),[r,l]=h(t.get("workspace")||""),[d,m]=h(!!t.get("workspace")),[c,f]=h(()=>{let x=t.get("signin_error");return x?Ir[x]||"Single sign-on failed. Please try again.":""}),[u,p]=h(!1),[g,y]=h(null),[b]=h(()=>{let x=jn;return jn=null,x});_(()=>{let x=r.trim(),q=setTimeout(()=>{I("/api/v1/auth/options",x?{workspace:x}:void 0).then(J=>{y(J),Ie.value=J.branding||{}}).catch(()=>y({password:"local",oidc:{}}))},x?300:0);return()=>clearTimeout(q)},[r]);async function v(x){x.preventDefault(),p(!0),f("");try{await Ko(a.trim(),s,r.trim()),await e()}catch(q){f(q.status===401?"The email or password is not right.":q.message),p(!1)}}let w=Ie.value,T=g?.password!=="off",E=g?.oidc?.enabled;return o`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${v} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${Pa} /></div>
        <h1 id="login-title">${w.sign_in_title||`Sign in to ${_t.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${b&&o`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${_t.value}.
          ${b.endSessionURL&&o` <a href=${b.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${c&&o`<div class="form-error" role="alert" id="login-error">${c}</div>`}
        ${E&&o`
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
              value=${s} onInput=${x=>i(x.currentTarget.value)} />
          </label>`}
        ${d?o`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${r} placeholder="default"
              onInput=${x=>l(x.currentTarget.value)} />
          </label>`:o`
          <button type="button" class="link-button" onClick=${()=>m(!0)}>Sign in to another workspace</button>`}
        ${T&&o`
          <button type="submit" class=${"button block"+(E?"":" primary")} disabled=${u||!a||!s}>
            ${u?"Signing in…":"Sign in"}
          </button>`}
        ${g&&!T&&!E&&o`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`}var Er=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],Nr=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function M(e,t=Date.now()){if(!e)return"";let a=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(a)<45)return"now";for(let[n,s]of Er)if(Math.abs(a)>=s||n==="minute")return Nr.format(Math.round(a/s),n);return""}function Hn(e){let t=new Date(e),a=new Date,n={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==a.toDateString()&&Object.assign(n,{month:"short",day:"numeric"}),t.toLocaleString(void 0,n)}var G=e=>e?new Date(e).toLocaleString():"";function za(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function As(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function Is(e){let t=0;for(let a of e||"")t=(t*31+a.charCodeAt(0))%360;return t}function Ye(e=3e4){let[t,a]=h(Date.now());return _(()=>{let n=setInterval(()=>a(Date.now()),e);return()=>clearInterval(n)},[e]),t}function Ee({id:e,name:t,size:a="md",url:n}){return n?o`<img class=${`avatar avatar-${a} avatar-img`} src=${n} alt="" referrerpolicy="no-referrer" />`:o`<span class=${`avatar avatar-${a} av-${Is(e)%8}`} aria-hidden="true">${As(t)}</span>`}var Bt={queue:"Queue",mine:"Mine",open:"All open",snoozed:"Snoozed",resolved:"Resolved"};var Dr={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",Sa],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",Ta],open:["No open conversations","Every conversation is resolved. Nice work.",ct],snoozed:["Nothing snoozed","Snoozed conversations wait here until their time comes or the visitor writes.",Da],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",Aa]};function Es({list:e,items:t,loading:a,selected:n}){Ye();let[s,i,r]=Dr[e],l=us(e);return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${Bt[e]}</h1>
        <span class="muted small" aria-live="polite">${a?"":`${t.length}${l?"+":""} conversation${t.length===1&&!l?"":"s"}`}</span>
      </header>
      <${qr} />
      ${a&&!t.length?o`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(d=>o`<li key=${d} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?o`
        <ul class="conv-list" aria-label=${Bt[e]+" conversations"}>
          ${t.map(d=>o`<${Pr} key=${d.id} c=${d} list=${e} selected=${d.id===n} />`)}
          ${l&&o`<${Rr} list=${e} count=${t.length} />`}
        </ul>`:o`
        <div class="empty small-empty">
          <div class="empty-icon"><${r} size=${22} /></div>
          <h2>${s}</h2>
          <p class="muted">${i}</p>
        </div>`}
    </section>`}var Bn={0:"None",1:"Low",2:"High",3:"Urgent"};function qr(){_(()=>{ka()},[]);let e=Be.value||[];return o`
    <div class="list-filter">
      ${(e.length>0||Ae.value)&&o`
        <label for="label-filter" class="muted small">Label</label>
        <select id="label-filter" class="select small" value=${Ae.value}
          onChange=${t=>{Ae.value=t.currentTarget.value}}>
          <option value="">Any label</option>
          ${e.map(t=>o`<option value=${t.id}>${t.name}</option>`)}
        </select>`}
      <label for="priority-filter" class="muted small">Priority</label>
      <select id="priority-filter" class="select small" value=${Oe.value}
        onChange=${t=>{Oe.value=t.currentTarget.value}}>
        <option value="">Any</option>
        <option value="urgent">Urgent</option>
        <option value="high,urgent">High or urgent</option>
        <option value="low">Low</option>
        <option value="none">None</option>
      </select>
    </div>`}function Rr({list:e,count:t}){let a=O(null),n=!!oe.value[e]?.loading;return _(()=>{let s=a.current;if(!s||n||typeof IntersectionObserver>"u")return;let i=new IntersectionObserver(r=>{r.some(l=>l.isIntersecting)&&ot(e)},{rootMargin:"400px 0px"});return i.observe(s),()=>i.disconnect()},[e,t,n]),o`
    <li class="conv-more" ref=${a}>
      <button type="button" class="button ghost small block" onClick=${()=>ot(e)} disabled=${n}
        aria-busy=${n?"true":void 0}>${n?"Loading…":"Load more conversations"}</button>
    </li>`}function Pr({c:e,list:t,selected:a}){$e(e.contact_id);let n=se(e.contact_id),s=de.value[e.id],i=re.value[e.id]||0,r=Se.value[e.id]&&Date.now()-Se.value[e.id].at<5e3&&Se.value[e.id].by?.type==="contact",l="No messages yet";r?l="typing…":s&&(l=(s.sender?.type==="contact"?"":s.kind==="note"?"Note: ":"You: ")+(s.deleted_at?"Message deleted":s.body||(s.attachments?.length?`📎 ${s.attachments[0].name}`:"")));let d=ae(t,e.id),m=[ye(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+Ke(e.assignee_id):"",e.outside_hours&&e.status!=="resolved"?"outside hours":""].filter(Boolean).join(" · "),c=e.priority>=2&&(Bn[e.priority]||"Priority "+e.priority);return o`
    <li>
      <a href=${d} class=${"conv-item"+(a?" selected":"")+(i?" has-unread":"")}
        aria-current=${a?"true":void 0} data-conversation=${e.id}
        onClick=${f=>{!f.metaKey&&!f.ctrlKey&&(f.preventDefault(),j(d))}}>
        <${Ee} id=${e.contact_id} name=${n} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${n}</span>
            <time class="conv-time" datetime=${e.updated_at}>${M(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(r?" typing":"")}>${l}</span>
            ${i>0&&o`<span class="badge badge-accent unread-badge" aria-label=${i+" unread"}>${i}</span>`}
          </span>
          ${(m||c)&&o`<span class="conv-meta">${c&&o`<span class=${"prio prio-"+e.priority}>${c}</span> `}${m}</span>`}
        </span>
      </a>
    </li>`}var Ns=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function Ds({conv:e}){let[t,a]=h("reply"),[n,s]=h(""),[i,r]=h([]),[l,d]=h(0),[m,c]=h(!1),f=O(null),u=O(null),p=O(0),g=O(Ns()),[y,b]=h(0),[v,w]=h(0),[T,E]=h("");if(_(()=>{let S=L=>{(L.detail==="reply"||L.detail==="note")&&(a(L.detail),f.current?.focus())};return window.addEventListener("parley:command",S),()=>window.removeEventListener("parley:command",S)},[]),e.status==="resolved")return o`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let x=t==="note",q=/(^|\s)\/([a-z0-9_-]*)$/.exec(n.slice(0,y)),J=q?q[2]:null;J!==null&&$s();let ee=J===null||T===n?[]:(Ot.value||[]).filter(S=>S.shortcut.startsWith(J)||S.title.toLowerCase().includes(J)).slice(0,8),_e=ee.length>0,Z=Math.min(v,ee.length-1);async function me(S){let L=y-J.length-1,le=S.body;try{le=(await $.renderCanned(S.id,e.id)).text}catch(St){k(St,"Could not fill in the canned response")}let Qa=n.slice(0,L)+le+n.slice(y);s(Qa);let Ga=L+le.length;b(Ga),w(0),requestAnimationFrame(()=>{let St=f.current;St&&(St.focus(),St.setSelectionRange(Ga,Ga))})}let ie=!m&&l===0&&(n.trim()||!x&&i.length);async function N(){if(!ie)return;c(!0);let S={client_id:g.current,body:n.trim()};x?S.kind="note":i.length&&(S.kind="attachment",S.attachment_ids=i.map(L=>L.id));try{let L=await $.send(e.id,S);Ln(L),s(""),r([]),g.current=Ns(),jt(e.id),f.current?.focus()}catch(L){k(L,x?"The note was not saved":"The message was not sent")}finally{c(!1)}}async function ne(S){for(let L of S){d(le=>le+1);try{let le=await $.upload(e.id,L);r(Qa=>[...Qa,le])}catch(le){k(le,`Could not upload ${L.name}`)}finally{d(le=>le-1)}}}function dt(S){s(S.currentTarget.value),b(S.currentTarget.selectionStart),w(0);let L=Date.now();L-p.current>1500&&(p.current=L,Xo(e.id,x))}function he(S){if(_e&&!S.isComposing){let L={ArrowDown:1,ArrowUp:-1};if(L[S.key]){S.preventDefault(),w((Z+L[S.key]+ee.length)%ee.length);return}if(S.key==="Enter"||S.key==="Tab"){S.preventDefault(),me(ee[Z]);return}if(S.key==="Escape"){S.preventDefault(),S.stopPropagation(),E(n);return}}S.key==="Enter"&&!S.shiftKey&&!S.isComposing&&(S.preventDefault(),N())}return o`
    <form class=${"composer"+(x?" composer-note":"")} onSubmit=${S=>{S.preventDefault(),N()}}
      aria-label=${x?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&o`
        <div class="composer-hint">This conversation is waiting in the queue.${" "}<button type="button" class="link-button"
          onClick=${()=>Ma(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(x?"":" active")} aria-pressed=${!x} onClick=${()=>{a("reply"),f.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(x?" active":"")} aria-pressed=${x} onClick=${()=>{a("note"),f.current?.focus()}}
          aria-keyshortcuts="n"><${wt} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${x?"Private note, only agents see it":"Reply"}</label>
      ${_e&&o`
        <ul class="canned-list" id="canned-list" role="listbox" aria-label="Canned responses">
          ${ee.map((S,L)=>o`
            <li id=${"canned-"+S.id} role="option" aria-selected=${L===Z?"true":"false"} data-shortcut=${S.shortcut}
              class=${"canned-option"+(L===Z?" active":"")}
              onMouseDown=${le=>{le.preventDefault(),me(S)}}>
              <span class="canned-shortcut">/${S.shortcut}</span> <span class="canned-title">${S.title}</span>
              <span class="canned-body muted">${S.body}</span>
            </li>`)}
        </ul>`}
      <textarea id="composer-text" ref=${f} rows="3" value=${n} onInput=${dt} onKeyDown=${he}
        onKeyUp=${S=>b(S.currentTarget.selectionStart)} onClick=${S=>b(S.currentTarget.selectionStart)}
        aria-autocomplete="list" aria-controls=${_e?"canned-list":void 0}
        aria-activedescendant=${_e?"canned-"+ee[Z].id:void 0}
        aria-describedby="composer-canned-tip"
        placeholder=${x?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      <span id="composer-canned-tip" class="sr-only">Type / and a shortcut to insert a canned response.</span>
      ${(i.length>0||l>0)&&o`
        <ul class="staged" aria-label="Files to send">
          ${i.map(S=>o`<li class="chip">${S.name} <span class="muted">${za(S.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+S.name}
              onClick=${()=>r(i.filter(L=>L.id!==S.id))}><${kt} size=${14} /></button></li>`)}
          ${l>0&&o`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${u} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${S=>{ne([...S.currentTarget.files]),S.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${x}
          title=${x?"Notes cannot carry files":"Attach a file"} onClick=${()=>u.current?.click()}><${xs} /></button>
        <span class="muted small composer-tip">${x?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(x?"note":"primary")} disabled=${!ie}>
          <${Ea} size=${16} /> ${x?"Add note":"Send"}
        </button>
      </div>
    </form>`}function qs({conv:e}){let[t,a]=h(null),n=e.status==="resolved";return _(()=>{if(a(null),!n)return;let s=!0;I(`/api/v1/conversations/${encodeURIComponent(e.id)}/rating`).then(r=>s&&r.rated&&a(r),()=>{});let i=je(r=>{r.type==="event"&&r.event?.type==="conversation.rated"&&r.event.payload?.rating?.conversation_id===e.id&&a(r.event.payload.rating)});return()=>{s=!1,i()}},[e.id,n]),t?o`
    <div class="csat" data-score=${t.score}>
      <span class="csat-score" aria-label=${`Rated ${t.score} out of 5 by the visitor`} title="The visitor's rating">
        <span aria-hidden="true">${"★".repeat(t.score)}${"☆".repeat(5-t.score)}</span> ${t.score}/5</span>
      ${t.comment&&o`<q class="csat-comment">${t.comment}</q>`}
    </div>`:null}function Rs({conv:e}){_(Ut,[]);let t=it.value?.queues?.find(a=>a.id===e.queue_id);return!e.tier||!t?.tiers?.length?null:o`
    <span class="badge tier-badge" data-tier=${e.tier}>Tier ${e.tier} of ${t.tiers.length}</span>
    ${e.escalation_overdue_at&&o`<span class="badge overdue-badge" data-overdue="true">Overdue</span>`}`}function Ps({conv:e}){_(Ut,[]);let[t,a]=h(!1),[n,s]=h(""),[i,r]=h(!1),l=it.value?.queues?.find(m=>m.id===e.queue_id);if(!e.tier||!l?.tiers||e.tier>=l.tiers.length)return null;async function d(m){m.preventDefault(),r(!0);try{let c=await $.escalate(e.id,n.trim());be(c),C(`Escalated to tier ${c.tier}.`,"success"),a(!1),s("")}catch(c){k(c,"Could not escalate it")}finally{r(!1)}}return t?o`
    <form class="escalate-form" onSubmit=${d} aria-label="Escalate to the next tier">
      <input class="input small" name="reason" maxlength="500" value=${n} placeholder="Why? (seen by staff)"
        aria-label="Reason for escalating" onInput=${m=>s(m.currentTarget.value)} />
      <button type="submit" class="button primary small" disabled=${i}>Escalate to tier ${e.tier+1}</button>
      <button type="button" class="button ghost small" onClick=${()=>a(!1)}>Cancel</button>
    </form>`:o`<button type="button" class="button" onClick=${()=>a(!0)}>Escalate</button>`}var zr={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function Oa({conv:e,list:t,target:a=0}){let n=se(e.contact_id);return Or(e),o`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${n}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${zr[e.status]}</span>
            ${e.assignee_id&&o`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${Ke(e.assignee_id)}</span>`}
            ${ye(e.inbox_id)&&o`<span class="muted small">· ${ye(e.inbox_id)}</span>`}
            ${nt(e)&&o`<span class="badge snoozed-badge" data-snoozed="true">${e.snoozed_until_reply?"Snoozed until the visitor writes":`Snoozed until ${G(e.snoozed_until)}`}</span>`}
            ${e.outside_hours&&o`<span class="badge outside-hours-badge" data-outside-hours="true"
              title="The visitor wrote while the queue was outside its business hours">Left outside business hours</span>`}
            <${Rs} conv=${e} />
          </div>
          <${Kr} conv=${e} />
          <${qs} conv=${e} />
        </div>
        <${Wr} conv=${e} />
      </header>
      <${Fr} conv=${e} target=${a} />
      <${Vr} id=${e.id} name=${n} />
      <${Ds} conv=${e} />
    </div>`}async function Ne(e,t){try{let a=await t();return a&&be(a),a}catch(a){return a.status===409?k(a,`Could not ${e}, the conversation changed meanwhile`):k(a,`Could not ${e}`),null}}var Ma=e=>Ne("take it",()=>$.assign(e.id)).then(t=>t&&C("You took the conversation.","success")),Ms=e=>Ne("resolve it",()=>$.resolve(e.id)).then(t=>t&&C("Conversation resolved.","success")),Mr=e=>Ne("reopen it",()=>$.reopen(e.id)).then(t=>t&&C("Conversation reopened.","success"));function Lr(e,t){let a;return t==="1h"||t==="4h"?a=new Date(Date.now()+parseInt(t,10)*36e5):t==="tomorrow"&&(a=new Date,a.setDate(a.getDate()+1),a.setHours(9,0,0,0)),Ne("snooze it",()=>$.snooze(e.id,a?a.toISOString():void 0)).then(n=>n&&C(t==="reply"?"Snoozed until the visitor writes.":`Snoozed until ${G(n.snoozed_until)}.`,"success"))}function Or(e){_(()=>{let t=a=>{a.detail==="take"&&e.status==="pending"&&Ma(e),a.detail==="resolve"&&e.status!=="resolved"&&Ms(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function Ur({conv:e}){_(Ut,[]);let t=it.value,a=(t?.queues||[]).filter(i=>i.id!==e.queue_id),n=t?.teams||[];if(!a.length&&!n.length)return null;function s(i){let[r,l]=[i.slice(0,2),i.slice(2)],d=r==="q:"?a.find(m=>m.id===l)?.name:n.find(m=>m.id===l)?.name;Ne("move it",()=>$.moveToQueue(e.id,r==="q:"?{queue_id:l}:{team_id:l})).then(m=>m&&C(r==="q:"?`Moved to the queue ${d}.`:`Moved to the team ${d}.`,"success"))}return o`
    <select class="select small" aria-label="Transfer to a queue or team" value=""
      onChange=${i=>{let r=i.currentTarget.value;i.currentTarget.value="",r&&s(r)}}>
      <option value="">To a queue or team…</option>
      ${a.length>0&&o`<optgroup label="Queues">${a.map(i=>o`<option value=${"q:"+i.id}>${i.name}</option>`)}</optgroup>`}
      ${n.length>0&&o`<optgroup label="Teams">${n.map(i=>o`<option value=${"t:"+i.id}>${i.name}</option>`)}</optgroup>`}
    </select>`}function Wr({conv:e}){let t=ue.value,a=ge.value==="admin"||ge.value==="supervisor",n=fe.value.filter(l=>!l.disabled&&!l.bot&&l.id!==e.assignee_id),s=l=>l.load==null?"":` — ${l.load}${l.capacity?"/"+l.capacity:""} open`,i=a||e.assignee_id===t;_(()=>{i&&e.status!=="resolved"&&Pn()},[e.id,e.status]);let r=(l,d)=>o`
    <select class="select small agent-menu" aria-label=${l} value="" onFocus=${Pn}
      onChange=${m=>{let c=m.currentTarget.value;m.currentTarget.value="",c&&d(c)}}>
      <option value="">${l}…</option>
      ${n.map(m=>o`<option value=${m.id} data-load=${m.load}>${m.name}${m.id===t?" (you)":""}${s(m)}</option>`)}
    </select>`;return o`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&o`
        <button type="button" class="button primary" onClick=${()=>Ma(e)} aria-keyshortcuts="t">Take</button>
        ${a&&r("Assign to",l=>Ne("assign it",()=>$.assign(e.id,l)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||a)&&o`
        ${r("Transfer to",l=>Ne("transfer it",()=>$.transfer(e.id,e.assignee_id,l)).then(d=>d&&C(`Transferred to ${Ke(l)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Ne("put it back",()=>$.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${(e.status==="pending"||e.status==="assigned"&&(e.assignee_id===t||a))&&o`<${Ur} conv=${e} />
        <${Ps} conv=${e} />`}
      ${e.status!=="resolved"&&(e.status!=="assigned"||e.assignee_id===t||a)&&o`
        <select class="select small" aria-label="Priority" value=${String(e.priority||0)}
          onChange=${l=>{let d=l.currentTarget.value;Ne("set the priority",()=>$.setPriority(e.id,d))}}>
          ${(e.priority>3?[[e.priority,"Priority "+e.priority]]:[]).concat([[0,"No priority"],[1,"Low"],[2,"High"],[3,"Urgent"]]).map(([l,d])=>o`<option value=${String(l)}>${d}</option>`)}
        </select>
        ${nt(e)?o`<button type="button" class="button" onClick=${()=>Ne("unsnooze it",()=>$.unsnooze(e.id))}>Unsnooze</button>`:o`
            <select class="select small" aria-label="Snooze" value=""
              onChange=${l=>{let d=l.currentTarget.value;l.currentTarget.value="",d&&Lr(e,d)}}>
              <option value="">Snooze…</option>
              <option value="reply">Until the visitor writes</option>
              <option value="1h">For an hour</option>
              <option value="4h">For 4 hours</option>
              <option value="tomorrow">Until tomorrow, 9:00</option>
            </select>`}`}
      ${e.status!=="resolved"?o`<button type="button" class="button success" onClick=${()=>Ms(e)} aria-keyshortcuts="e">Resolve</button>`:o`<button type="button" class="button" onClick=${()=>Mr(e)}>Reopen</button>`}
    </div>`}function Fr({conv:e,target:t}){let a=K.value[e.id],n=O(null),s=O(!t),i=O(0),r=a?.length?a[a.length-1].seq:0,l=a?.length?a[0].seq:0;if(qo(()=>{let c=n.current;if(!c)return;let f=t&&i.current!==t&&c.querySelector(`[data-seq="${t}"]`);if(f){i.current=t,s.current=!1,f.scrollIntoView({block:"center"});return}s.current&&(c.scrollTop=c.scrollHeight)},[r,l,e.id,t]),!a)return o`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let d=$t.value[e.id]||0,m=-1;return a.forEach((c,f)=>{c.sender?.type!=="contact"&&c.kind!=="note"&&c.kind!=="event"&&(m=f)}),o`
    <div class="messages" ref=${n} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${c=>{let f=c.currentTarget;s.current=f.scrollHeight-f.scrollTop-f.clientHeight<80}}>
      ${Ve.value[e.id]&&o`<button type="button" class="button ghost small load-earlier" onClick=${()=>Mn(e.id)}>Load earlier messages</button>`}
      ${!a.length&&o`<p class="muted center">No messages yet.</p>`}
      ${a.map((c,f)=>o`<${Br} key=${c.seq} m=${c} conv=${e} prev=${a[f-1]}
        seen=${f===m&&d>=c.seq} target=${c.seq===t} />`)}
    </div>`}var La=A(null),zs=!1;function jr(e){return ge.value!=="admin"?"an app":(!La.value&&!zs&&(zs=!0,$.apps().then(t=>{La.value=Object.fromEntries(t.map(a=>[a.id,a.name]))}).catch(()=>{La.value={}})),La.value?.[e]||"an app")}function Hr(e,t){let a=e.sender||{};return a.display_name?a.display_name:a.type==="contact"?se(t.contact_id):a.type==="agent"||a.type==="bot"?a.id===ue.value?"You":fe.value.find(n=>n.id===a.id)?.name||"Agent":"System"}function Br({m:e,conv:t,prev:a,seen:n,target:s}){if(e.kind==="event")return o`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${Hn(e.created_at)}</time></div>`;let i=e.sender?.type==="contact",r=e.kind==="note",l=a&&a.kind===e.kind&&a.sender?.type===e.sender?.type&&a.sender?.id===e.sender?.id&&a.sender?.display_name===e.sender?.display_name&&a.sender?.external_id===e.sender?.external_id&&new Date(e.created_at)-new Date(a.created_at)<300*1e3,d=Hr(e,t),m=["msg",i?"msg-in":"msg-out",r?"msg-note":"",l?"grouped":"",e.deleted_at?"deleted":"",s?"msg-target":""].filter(Boolean).join(" ");return o`
    <article class=${m} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(r?"Private note by ":"Message from ")+d}
      aria-current=${s?"true":void 0}>
      ${!l&&o`
        <div class=${e.sender?.external_id?"msg-head msg-head-external":"msg-head"}>
          ${i&&o`<${Ee} id=${t.contact_id} name=${d} size="sm" />`}
          ${e.sender?.avatar_url?.startsWith("/avatars/")&&o`<img class="msg-avatar" src=${e.sender.avatar_url} alt=${d} referrerpolicy="no-referrer" width="20" height="20" />`}
          <span class="msg-name">${d}</span>
          ${e.app_id&&o`<span class="msg-via muted small">via ${jr(e.app_id)}</span>`}
          ${e.sender?.external_id&&o`<span class="msg-external-id muted small" title=${"ID in the app's system: "+e.sender.external_id}>ID ${e.sender.external_id}</span>`}
          <time datetime=${e.created_at} title=${G(e.created_at)}>${Hn(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${r&&o`<div class="note-label"><${wt} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?o`<p class="msg-body muted">This message was deleted.</p>`:e.body&&o`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&o`
          <ul class="attachments">
            ${e.attachments.map(c=>o`
              <li><a class="attachment" href=${$.attachmentURL(c.id)} download=${c.name}>
                <${ks} size=${16} /><span class="attachment-name">${c.name}</span><span class="muted">${za(c.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&o`<span class="muted small">(edited)</span>`}
      </div>
      ${n&&o`<div class="msg-seen">Seen</div>`}
    </article>`}function Vr({id:e,name:t}){Ye(1e3);let a=Se.value[e],n=a&&Date.now()-a.at<5e3,s="";return n&&(s=a.by?.type==="contact"?`${t} is typing…`:`${Ke(a.by?.id)||"An agent"} is typing${a.note?" a note":""}…`),o`<div class="typing" aria-live="polite">${n&&o`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${s}`}</div>`}function Kr({conv:e}){let[t,a]=h(null),[n,s]=h("");if(_(()=>{ka();let c=!0;return $.conversationLabels(e.id).then(f=>c&&a(f.items||[]),()=>c&&a([])),()=>{c=!1}},[e.id]),t===null)return null;let i=Be.value||[],r=new Set(t.map(c=>c.id)),l=i.filter(c=>!r.has(c.id)),d=async c=>{let f=i.find(u=>u.id===c);try{await $.addLabel(e.id,c),a(u=>u.some(p=>p.id===c)?u:[...u,f]),Dn(e.id,c,!0),s(`Label ${f.name} added.`)}catch(u){k(u,"Could not add the label")}},m=async c=>{try{await $.removeLabel(e.id,c.id),a(f=>f.filter(u=>u.id!==c.id)),Dn(e.id,c.id,!1),s(`Label ${c.name} removed.`),document.getElementById("add-label")?.focus()}catch(f){k(f,"Could not remove the label")}};return o`
    <div class="conv-labels" role="group" aria-label="Labels">
      ${t.length>0&&o`
        <ul class="label-chips" aria-label="Labels of this conversation">
          ${t.map(c=>o`
            <li class="label-chip" data-label=${c.name}>
              <span class="label-dot" style=${{background:c.color}} aria-hidden="true"></span>${c.name}
              <button type="button" class="icon-button label-remove" aria-label=${"Remove label "+c.name}
                onClick=${()=>m(c)}><${kt} size=${12} /></button>
            </li>`)}
        </ul>`}
      ${l.length>0&&o`
        <select id="add-label" class="select small" aria-label="Add a label" aria-keyshortcuts="l" value=""
          onChange=${c=>{let f=c.currentTarget.value;c.currentTarget.value="",f&&d(f)}}>
          <option value="">Add label…</option>
          ${l.map(c=>o`<option value=${c.id}>${c.name}</option>`)}
        </select>`}
      <span class="sr-only" role="status">${n}</span>
    </div>`}var Vn=864e5;function Ls(e){return e.toISOString().slice(0,10)}function Yr(){let e=new Date;return{from:Ls(new Date(e.getTime()-6*Vn)),to:Ls(e)}}function Qr(e){let t=new Date(Date.parse(e.to+"T00:00:00Z")+Vn);return{start:e.from+"T00:00:00Z",end:t.toISOString().replace(".000Z","Z")}}function Os({conv:e}){let[t,a]=h(Yr),[n,s]=h(null),[i,r]=h({}),[l,d]=h("");return _(()=>{let c=!0;return s(null),r({}),d(""),$.contextEndpoints().then(f=>c&&s(f.filter(u=>!u.inbox_id||u.inbox_id===e.inbox_id))).catch(()=>c&&s("all")),()=>{c=!1}},[e.id]),_(()=>{if(!n)return;let c=!0,f=Qr(t),u=p=>c&&r(g=>{let y={...g};for(let b of p)y[b.endpoint_id]=b;return y});if(n==="all")$.context(e.id,f).then(p=>u(p.items)).catch(p=>c&&d(p.message));else for(let p of n)$.context(e.id,{...f,endpoint_id:p.id}).then(g=>u(g.items)).catch(g=>u([{endpoint_id:p.id,title:p.title,statistics:p.statistics,entries:[],error:{reason:"",message:g.message}}]));return()=>{c=!1}},[e.id,n,t.from,t.to]),n===null?o`<div class="spinner small" role="status" aria-label="Loading customer data"></div>`:l?o`<p class="muted small">Customer data is not available: ${l}</p>`:(n==="all"?Object.values(i):n.map(c=>i[c.id]||{endpoint_id:c.id,title:c.title,statistics:c.statistics,loading:!0})).map(c=>o`<${Gr} key=${c.endpoint_id} item=${c} range=${t} setRange=${a} />`)}function Gr({item:e,range:t,setRange:a}){let n="ctx-"+e.endpoint_id;return o`
    <section class="panel-section ctx-section" aria-labelledby=${n} data-context-endpoint=${e.endpoint_id}>
      <h3 id=${n}>${e.title}</h3>
      ${e.statistics&&o`<${el} id=${e.endpoint_id} range=${t} setRange=${a} />`}
      ${e.loading?o`<div class="spinner small" role="status" aria-label=${"Loading "+e.title}></div>`:e.error?o`<p class="ctx-error" data-reason=${e.error.reason}>${e.error.message}</p>`:e.entries.length===0?o`<p class="muted small">Nothing to show.</p>`:Jr(e.entries).map((s,i)=>o`<${Zr} key=${i} group=${s} id=${n+"-"+i} />`)}
    </section>`}function Jr(e){let t=[];for(let a of e){let n=t[t.length-1];a.type==="text"&&n?.type==="text"?n.rows.push(a):t.push(a.type==="text"?{type:"text",rows:[a]}:a)}return t}function Zr({group:e,id:t}){switch(e.type){case"text":return o`<dl class="props">${e.rows.map(a=>o`<dt>${a.label}</dt><dd>${a.text}</dd>`)}</dl>`;case"links":{let a=e.links||[];return o`<div class="ctx-block">
        <h4 id=${t}>${e.label}</h4>
        ${a.length===0?o`<p class="muted small">None.</p>`:o`
          <ul class="ctx-links" aria-labelledby=${t}>
            ${a.map(n=>o`<li><a href=${n.url} target="_blank" rel="noopener noreferrer">${n.label}</a></li>`)}
          </ul>`}
      </div>`}case"series":return o`<${Xr} label=${e.label} points=${e.points||[]} id=${t} />`}return null}var Ua=new Intl.NumberFormat(void 0,{maximumFractionDigits:2});function Xr({label:e,points:t,id:a}){let r=t.map(g=>g.y),l=Math.max(0,...r),d=Math.min(0,...r),m=l-d||1,c=g=>2+80*(l-g)/m,f=t.length?260/t.length:260,u=Math.max(1,f*.7),p=t.length===0?`${e}: no data`:`${e}: ${t.length} values from ${t[0].x} to ${t[t.length-1].x}, lowest ${Ua.format(Math.min(...r))}, highest ${Ua.format(Math.max(...r))}`;return o`<figure class="ctx-chart">
    <figcaption id=${a}>${e}</figcaption>
    <svg viewBox=${"0 0 260 84"} width="100%" height=${84} role="img" aria-label=${p} preserveAspectRatio="none">
      <line x1="0" x2=${260} y1=${c(0)} y2=${c(0)} class="ctx-axis" />
      ${t.map((g,y)=>o`<rect x=${y*f+(f-u)/2} width=${u}
        y=${Math.min(c(g.y),c(0))} height=${Math.max(1,Math.abs(c(g.y)-c(0)))} class="ctx-bar"><title>${g.x}: ${Ua.format(g.y)}</title></rect>`)}
    </svg>
    <details>
      <summary>Show numbers</summary>
      <table class="ctx-table" aria-labelledby=${a}>
        <thead><tr><th scope="col">When</th><th scope="col">Value</th></tr></thead>
        <tbody>${t.map(g=>o`<tr><td>${g.x}</td><td>${Ua.format(g.y)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`}function el({id:e,range:t,setRange:a}){let[n,s]=h(t.from),[i,r]=h(t.to),[l,d]=h("");return _(()=>{s(t.from),r(t.to)},[t.from,t.to]),o`<form class="ctx-range" onSubmit=${c=>{if(c.preventDefault(),!n||!i)return d("Choose both days.");if(n>i)return d("The first day must not be after the last.");if(Date.parse(i)-Date.parse(n)>365*Vn)return d("Choose at most a year.");d(""),a({from:n,to:i})}} aria-label="Date range">
    <label for=${"from-"+e}>From</label>
    <input id=${"from-"+e} type="date" value=${n} max=${i} onInput=${c=>s(c.target.value)} />
    <label for=${"to-"+e}>To</label>
    <input id=${"to-"+e} type="date" value=${i} min=${n} onInput=${c=>r(c.target.value)} />
    <button class="button small" type="submit">Show</button>
    ${l&&o`<p class="ctx-error" role="alert">${l}</p>`}
  </form>`}var tl="allow-scripts allow-forms allow-popups allow-same-origin",al=6e4;function Us({conv:e}){let[t,a]=h([]);return _(()=>{let n=!0;return $.panels(e.id).then(s=>n&&a(s)).catch(()=>n&&a([])),()=>{n=!1}},[e.id]),t.filter(n=>n.origin!==location.origin).map(n=>o`<${nl} key=${n.app_id} panel=${n} conv=${e} />`)}function nl({panel:e,conv:t}){let a=O(null),[n,s]=h(0),[i,r]=h(""),[l,d]=h(!1);_(()=>{let c=f=>{f.violatedDirective.startsWith("frame-src")&&(f.blockedURI||"").startsWith(e.origin)&&d(!0)};return document.addEventListener("securitypolicyviolation",c),()=>document.removeEventListener("securitypolicyviolation",c)},[e.origin]),_(()=>{if(n===0)return;let c=!0,f,u=()=>$.panelToken(e.app_id,t.id).then(p=>{c&&(r(""),a.current?.contentWindow?.postMessage({type:"parley:context",conversation_id:p.conversation_id,contact_id:p.contact_id,token:p.token,expires_at:p.expires_at,api:location.origin},e.origin),f=setTimeout(u,Math.max(1e4,Date.parse(p.expires_at)-Date.now()-al)))}).catch(p=>c&&r(p.message));return u(),()=>{c=!1,clearTimeout(f)}},[n,t.id,e.app_id,e.origin]);let m="app-panel-"+e.app_id;return o`
    <section class="panel-section app-panel" aria-labelledby=${m} data-app-panel=${e.app_id}>
      <h3 id=${m}>${e.title}</h3>
      ${i&&o`<p class="ctx-error">${i}</p>`}
      ${l?o`<p class="muted small">This panel was installed after the console opened.
          <button type="button" class="button small ghost" onClick=${()=>location.reload()}>Reload to show it</button></p>`:o`<iframe ref=${a} src=${e.url} title=${e.title} sandbox=${tl}
          referrerpolicy="no-referrer" onLoad=${()=>s(c=>c+1)}></iframe>`}
    </section>`}function Ws(){let[e,t]=h(!0),[a,n]=h(!1),s=()=>$.agents().then(r=>{fe.value=r}).catch(r=>k(r,"Could not load agents")).finally(()=>t(!1));_(()=>{s()},[]);async function i(r){if(!(!r.disabled&&!confirm(`Disable ${r.name}? They are signed out and cannot sign in until enabled again.`)))try{await $.updateAgent(r.id,{disabled:!r.disabled}),C(`${r.name} is ${r.disabled?"enabled":"disabled"}.`,"success"),s()}catch(l){k(l)}}return o`
    <${P} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>n(!a)} aria-expanded=${a}>Add agent</button>
    <//>
    ${a&&o`<${ol} onDone=${()=>{n(!1),s()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading agents"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${fe.value.map(r=>o`
              <tr key=${r.id} data-agent=${r.email}>
                <td><div class="cell-person"><${Ee} id=${r.id} name=${r.name} url=${r.avatar_url} size="sm" />
                  <div><div class="strong">${r.name}${r.id===ue.value?" (you)":""}</div><div class="muted small">${r.email}</div></div></div></td>
                <td><span class=${"role role-"+r.role}>${r.role}</span>${r.bot?o` <span class="tag">bot</span>`:""}</td>
                <td>${r.disabled?o`<span class="tag tag-muted">disabled</span>`:o`<span class=${"presence-label p-"+(r.presence||"offline")}><span class=${"presence-dot p-"+(r.presence||"offline")} aria-hidden="true"></span>${r.presence||"offline"}</span>`}</td>
                <td class="agent-capacity">${r.bot?"—":r.capacity?`${r.capacity} at once`:"No limit"}</td>
                <td class="muted">${M(r.created_at)}</td>
                <td class="right">${r.id!==ue.value&&o`<button type="button" class="button small ghost" onClick=${()=>i(r)}>${r.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function ol({onDone:e}){let[t,a]=h({name:"",email:"",role:"agent",password:"",avatar_url:"",capacity:"0"}),[n,s]=h(null),[i,r]=h(!1),l=m=>c=>a({...t,[m]:c.currentTarget.value});async function d(m){m.preventDefault(),r(!0);try{await $.createAgent({...t,capacity:Number(t.capacity)||0}),C(`${t.name} can now sign in.`,"success"),e()}catch(c){s(c)}finally{r(!1)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New agent">
      <${U} error=${n} />
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
    </form>`}var Kn={en:{open:"Open chat",close:"Close chat",unread:e=>e+(e===1?" unread message":" unread messages"),online:"We usually reply in a few minutes",offline:"We are away right now.",placeholder:"Write a message…",send:"Send",attach:"Attach a file",typing:"Support is typing…",seen:"Seen",sending:"Sending…",failed:"Not sent yet",connecting:"Connecting…",reconnecting:"Connection lost. Reconnecting…",conversations:"Your conversations",newConversation:"New conversation",back:"Back to your conversations",noConversations:"No conversations yet.",you:"You",agent:"Support",resolved:"Resolved",start:"Start the conversation",prechatIntro:"Tell us who you are, so that we can get back to you.",name:"Name",email:"Email",fileTooLarge:"This file is too large.",fileType:"This type of file is not accepted.",error:"Something went wrong. Please try again.",download:"Download",rateAsk:"How was this conversation?",rateScore:e=>e+" of 5",rateComment:"Anything to add? (optional)",rateSend:"Send rating",rateSkip:"Skip",rateThanks:"Thank you for your rating!",queuePosition:e=>"You are number "+e+" in line",queueWait:e=>"Expected wait: "+(e<60?"under a minute":"about "+Math.round(e/60)+" min"),withAgent:e=>"You are chatting with "+e,leave:"Leave a message and we will get back to you.",leavePlaceholder:"Your message…",closed:"We are closed right now.",backAt:e=>"We are back on "+e+"."},de:{open:"Chat öffnen",close:"Chat schließen",unread:e=>e+(e===1?" ungelesene Nachricht":" ungelesene Nachrichten"),online:"Wir antworten meist in wenigen Minuten",offline:"Wir sind gerade nicht da.",placeholder:"Nachricht schreiben…",send:"Senden",attach:"Datei anhängen",typing:"Der Support schreibt…",seen:"Gelesen",sending:"Wird gesendet…",failed:"Noch nicht gesendet",connecting:"Verbinde…",reconnecting:"Verbindung unterbrochen. Verbinde neu…",conversations:"Ihre Unterhaltungen",newConversation:"Neue Unterhaltung",back:"Zurück zu Ihren Unterhaltungen",noConversations:"Noch keine Unterhaltungen.",you:"Sie",agent:"Support",resolved:"Erledigt",start:"Unterhaltung beginnen",prechatIntro:"Sagen Sie uns, wer Sie sind, damit wir antworten können.",name:"Name",email:"E-Mail",fileTooLarge:"Die Datei ist zu groß.",fileType:"Dieser Dateityp wird nicht angenommen.",error:"Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",download:"Herunterladen",rateAsk:"Wie war diese Unterhaltung?",rateScore:e=>e+" von 5",rateComment:"Möchten Sie etwas ergänzen? (optional)",rateSend:"Bewertung senden",rateSkip:"Überspringen",rateThanks:"Danke für Ihre Bewertung!",queuePosition:e=>"Sie sind Nummer "+e+" in der Warteschlange",queueWait:e=>"Voraussichtliche Wartezeit: "+(e<60?"unter einer Minute":"etwa "+Math.round(e/60)+" Min."),withAgent:e=>"Sie chatten mit "+e,leave:"Hinterlassen Sie eine Nachricht, wir melden uns.",leavePlaceholder:"Ihre Nachricht…",closed:"Wir haben gerade geschlossen.",backAt:e=>"Wir sind ab "+e+" wieder da."},fr:{open:"Ouvrir le chat",close:"Fermer le chat",unread:e=>e+(e===1?" message non lu":" messages non lus"),online:"Nous répondons en général en quelques minutes",offline:"Nous sommes absents pour le moment.",placeholder:"Écrire un message…",send:"Envoyer",attach:"Joindre un fichier",typing:"Le support écrit…",seen:"Lu",sending:"Envoi…",failed:"Pas encore envoyé",connecting:"Connexion…",reconnecting:"Connexion perdue. Reconnexion…",conversations:"Vos conversations",newConversation:"Nouvelle conversation",back:"Retour à vos conversations",noConversations:"Aucune conversation.",you:"Vous",agent:"Support",resolved:"Résolue",start:"Commencer la conversation",prechatIntro:"Dites-nous qui vous êtes pour que nous puissions vous répondre.",name:"Nom",email:"E-mail",fileTooLarge:"Ce fichier est trop volumineux.",fileType:"Ce type de fichier n'est pas accepté.",error:"Une erreur est survenue. Veuillez réessayer.",download:"Télécharger",rateAsk:"Comment s’est passée cette conversation ?",rateScore:e=>e+" sur 5",rateComment:"Un commentaire ? (facultatif)",rateSend:"Envoyer la note",rateSkip:"Passer",rateThanks:"Merci pour votre note !",queuePosition:e=>"Vous êtes numéro "+e+" dans la file",queueWait:e=>"Attente estimée : "+(e<60?"moins d’une minute":"environ "+Math.round(e/60)+" min"),withAgent:e=>"Vous discutez avec "+e,leave:"Laissez un message, nous vous répondrons.",leavePlaceholder:"Votre message…",closed:"Nous sommes fermés pour le moment.",backAt:e=>"Nous serons de retour "+e+"."}};function Fs(e,t=navigator.languages||[navigator.language]){for(let a of[e,...t]){let n=(a||"").toLowerCase().split("-")[0];if(Kn[n])return n}return"en"}var js=e=>Kn[e]||Kn.en;var Wa=[["","The visitor's browser language"],["en","English"],["de","Deutsch"],["fr","Français"]],Hs=[["name","Name"],["email","Email"]],sl=(e={})=>({title:e.title||"",greeting:e.greeting||"",color:e.color||"#2563eb",locale:e.locale||"",position:e.position==="left"?"left":"right",prechat:{enabled:!!e.prechat?.enabled,fields:[...e.prechat?.fields||[]]}});function Bs({inbox:e,onSaved:t}){let[a,n]=h(()=>sl(e.widget)),[s,i]=h(null),[r,l]=h(!1),d=p=>`widget-${p}-${e.id}`,m=p=>g=>n({...a,[p]:g.currentTarget.value}),c=(p,g)=>{let y=Hs.map(([b])=>b).filter(b=>b===p?g:a.prechat.fields.includes(b));n({...a,prechat:{...a.prechat,fields:y}})},f=Wa.some(([p])=>p===a.locale)?Wa:[...Wa,[a.locale,a.locale]];async function u(p){p.preventDefault(),l(!0);try{await $.updateInbox(e.id,{widget:a}),i(null),C("Widget settings saved.","success"),t()}catch(g){i(g)}finally{l(!1)}}return o`
    <form class="widget-settings" onSubmit=${u} aria-labelledby=${d("title-h")}>
      <h3 id=${d("title-h")}>Widget</h3>
      <${U} error=${s} />
      <div class="widget-settings-grid">
        <div>
          <label class="field"><span>Title</span>
            <input name="title" value=${a.title} maxlength="500" placeholder=${e.name} onInput=${m("title")} /></label>
          <label class="field"><span>Greeting</span>
            <textarea name="greeting" rows="2" maxlength="500" value=${a.greeting} placeholder="Hi! How can we help?" onInput=${m("greeting")}></textarea></label>
          <div class="field-row">
            <label class="field"><span>Colour</span>
              <span class="color-field">
                <input type="color" name="color" value=${a.color} onInput=${m("color")} aria-describedby=${d("color-hex")} />
                <code id=${d("color-hex")}>${a.color}</code>
              </span></label>
            <fieldset class="field">
              <legend>Position</legend>
              <span class="segmented">
                ${["left","right"].map(p=>o`<label key=${p} class="check">
                  <input type="radio" name=${d("position")} value=${p} checked=${a.position===p} onChange=${()=>n({...a,position:p})} />
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
            ${a.prechat.enabled&&o`<span class="segmented">${Hs.map(([p,g])=>o`<label key=${p} class="check">
              <input type="checkbox" name=${"prechat-"+p} checked=${a.prechat.fields.includes(p)} onChange=${y=>c(p,y.currentTarget.checked)} />${g}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${r}>Save widget</button>
        </div>
        <${rl} inbox=${e} f=${a} />
      </div>
    </form>`}function il(e){let t=parseInt((e||"").slice(1),16);return isNaN(t)?"#fff":.299*(t>>16)+.587*(t>>8&255)+.114*(t&255)>170?"#111827":"#fff"}function rl({inbox:e,f:t}){let a=js(Fs(t.locale)),n={"--w-accent":t.color,"--w-on-accent":il(t.color)},s=t.prechat.enabled&&t.prechat.fields.length>0;return o`
    <figure class=${"widget-preview pos-"+t.position} style=${n} aria-label="Preview of the widget" data-preview=${e.id}>
      <div class="wp-panel" aria-hidden="true">
        <div class="wp-head">
          <div class="wp-title">${t.title||e.name}</div>
          <div class="wp-sub"><span class="wp-dot"></span>${a.online}</div>
        </div>
        <div class="wp-body">
          ${s?o`<div class="wp-prechat"><p>${a.prechatIntro}</p>
              ${t.prechat.fields.map(i=>o`<span key=${i} class="wp-input">${a[i]}</span>`)}
              <span class="wp-button">${a.start}</span></div>`:t.greeting&&o`<div class="wp-msg">${t.greeting}</div>`}
        </div>
        ${!s&&o`<div class="wp-composer"><span>${a.placeholder}</span><span class="wp-send"></span></div>`}
      </div>
      <div class="wp-launcher" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg></div>
      <figcaption class="muted small">Preview: ${t.title||e.name}, ${t.position==="left"?"bottom left":"bottom right"}, ${Wa.find(([i])=>i===t.locale)?.[1]||t.locale}</figcaption>
    </figure>`}var ll=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function De(e,t="Copied"){try{await navigator.clipboard.writeText(e),C(`${t} to the clipboard.`,"success")}catch{C("Select the text and copy it by hand.","error")}}function Vs(){let[e,t]=h(!0),[a,n]=h(!1),s=()=>$.inboxes().then(i=>{st.value=i}).catch(i=>k(i,"Could not load inboxes")).finally(()=>t(!1));return _(()=>{s()},[]),o`
    <${P} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>n(!a)} aria-expanded=${a}>New inbox</button>
    <//>
    ${a&&o`<${ul} onDone=${()=>{n(!1),s()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:st.value.length?st.value.map(i=>o`<${cl} key=${i.id} inbox=${i} onChange=${s} />`):o`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function cl({inbox:e,onChange:t}){let[a,n]=h((e.allowed_origins||[]).join(`
`)),[s,i]=h(null),r=ll(e),l="inbox-"+e.id;async function d(m,c){try{await $.updateInbox(e.id,m),i(null),C(c,"success"),t()}catch(f){i(f)}}return o`
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
            <button type="button" class="button small" onClick=${()=>De(r,"Snippet copied")}><${xe} size=${14} /> Copy</button>
          </div>
        </div>
        <div>
          <h3>Identity</h3>
          <label class="switch">
            <input type="checkbox" checked=${!!e.identity?.require_verified}
              onChange=${m=>d({identity:{require_verified:m.currentTarget.checked}},"Identity settings saved.")} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${pl} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${m=>{m.preventDefault(),d({allowed_origins:a.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${a} onInput=${m=>n(m.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${dl} inbox=${e} save=${d} />
        <${Bs} inbox=${e} onSaved=${t} />
      </div>
    </section>`}function dl({inbox:e,save:t}){let a=e.conversation?.auto_resolve_after_seconds||0,[n,s]=h(a?String(a/60):""),i="auto-resolve-"+e.id;function r(l){l.preventDefault();let d=Number(n.trim()||"0");t({conversation:{auto_resolve_after_seconds:Math.round(d*60)}},d?`Conversations inactive for ${d} minutes will be resolved.`:"Auto-resolve is off.")}return o`
    <form class="inbox-auto-resolve" aria-label="Auto-resolve" onSubmit=${r}>
      <h3>Auto-resolve</h3>
      <label class="field" for=${i}><span>Resolve after <span class="muted small">(minutes without activity; empty for off)</span></span>
        <input id=${i} name="auto_resolve_minutes" type="number" min="0" step="1" inputmode="numeric" placeholder="Off"
          value=${n} onInput=${l=>s(l.currentTarget.value)} /></label>
      <p class="muted small">Now: ${a?`after ${a%60?a+" seconds":a/60+" minutes"}`:"off"}. A system line tells the visitor.</p>
      <button type="submit" class="button small">Save auto-resolve</button>
    </form>`}function pl({identity:e}){let t=Object.entries(e||{}).filter(([n,s])=>n!=="require_verified"&&s!==null&&s!==""&&!(Array.isArray(s)&&s.length===0));if(!t.length)return null;let a=n=>Array.isArray(n)?`${n.length} configured`:typeof n=="object"?JSON.stringify(n):String(n);return o`<dl class="props small">${t.map(([n,s])=>o`<dt>${n.replace(/_/g," ")}</dt><dd>${a(s)}</dd>`)}</dl>`}function ul({onDone:e}){let[t,a]=h(""),[n,s]=h(""),[i,r]=h(null);async function l(d){d.preventDefault();try{await $.createInbox({name:t,allowed_origins:n.split(/[\s,]+/).filter(Boolean)}),C(`Inbox ${t} created.`,"success"),e()}catch(m){r(m)}}return o`
    <form class="card form-grid" onSubmit=${l} aria-label="New inbox">
      <${U} error=${i} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${d=>a(d.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${n} onInput=${d=>s(d.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function Ks(){let[e,t]=h(null),[a,n]=h(!1),[s,i]=h(null),r=()=>$.tokens().then(t).catch(d=>{k(d,"Could not load tokens"),t([])});_(()=>{r()},[]);async function l(d){if(confirm(`Revoke “${d.name}”? Programs using it stop working at once.`))try{await $.revokeToken(d.id),C(`“${d.name}” is revoked.`,"success"),r()}catch(m){k(m)}}return o`
    <${P} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{n(!a),i(null)}} aria-expanded=${a}>Create token</button>
    <//>
    ${s&&o`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${s.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>De(s.token,"Token copied")}><${xe} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>i(null)}>I have stored it</button>
      </div>`}
    ${a&&o`<${fl} onDone=${d=>{n(!1),d&&i(d),r()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading tokens"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(d=>o`
              <tr key=${d.id} class=${d.revoked_at?"revoked":""} data-token=${d.name}>
                <td class="strong">${d.name}</td>
                <td>${d.scopes.map(m=>o`<span class="tag">${m}</span> `)}</td>
                <td><code>${d.prefix}…</code></td>
                <td class="muted" title=${G(d.created_at)}>${M(d.created_at)} by ${d.created_by?.name}</td>
                <td class="muted">${d.last_used_at?M(d.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${d.expires_at?G(d.expires_at):""}>${d.expires_at?new Date(d.expires_at)<=new Date?o`<span class="tag tag-muted">expired</span>`:M(d.expires_at):"never"}</td>
                <td class="right">${d.revoked_at?o`<span class="tag tag-muted">revoked</span>`:o`<button type="button" class="button small danger-ghost" onClick=${()=>l(d)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function fl({onDone:e}){let t=(Y.value?.scopes||[]).filter(p=>!p.startsWith("workspaces:")),[a,n]=h(""),[s,i]=h(!0),[r,l]=h([]),[d,m]=h(""),[c,f]=h(null);async function u(p){p.preventDefault();let g={name:a,scopes:s?["all"]:r};d&&(g.expires_at=new Date(`${d}T00:00:00`).toISOString());try{let y=await $.createToken(g);e(y)}catch(y){f(y)}}return o`
    <form class="card form-grid" onSubmit=${u} aria-label="New API token">
      <${U} error=${c} />
      <label class="field"><span>Name</span><input required value=${a} onInput=${p=>n(p.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${s} onChange=${p=>i(p.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!s&&o`<div class="scope-grid">${t.map(p=>o`
          <label class="check"><input type="checkbox" checked=${r.includes(p)}
            onChange=${g=>l(g.currentTarget.checked?[...r,p]:r.filter(y=>y!==p))} /> <code>${p}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${d} min=${ml()} onInput=${p=>m(p.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a||!s&&!r.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function ml(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function Ys(){let[e,t]=h(null),[a,n]=h(""),[s,i]=h(!1);async function r(d){i(!0);try{let m=await $.audit(d);t(c=>d?[...c||[],...m.items]:m.items),n(m.next_cursor||"")}catch(m){k(m,"Could not load the audit log"),t(c=>c||[])}finally{i(!1)}}_(()=>{r("")},[]);let l=d=>Object.entries(d||{}).map(([m,c])=>`${m}: ${typeof c=="object"?JSON.stringify(c):c}`).join(", ");return o`
    <${P} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(d=>o`
              <tr key=${d.id}>
                <td class="muted nowrap" title=${G(d.created_at)}>${M(d.created_at)}</td>
                <td><span class="tag tag-muted">${d.actor.type}</span> ${d.actor.name}</td>
                <td><code class="action">${d.action}</code></td>
                <td class="muted small details">${l(d.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${a&&o`<div class="center"><button type="button" class="button" disabled=${s} onClick=${()=>r(a)}>Load more</button></div>`}`:o`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}function Qs(){let[e,t]=h(null),[a,n]=h(""),[s,i]=h(null);if(_(()=>{I("/api/v1/sign-in").then(t).catch(c=>k(c,"Could not load the sign-in settings"))},[]),!e)return o`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;let r=e.oidc,l=(c,f)=>t({...e,oidc:{...r,[c]:f}}),d=(c,f,u)=>l("mappings",r.mappings.map((p,g)=>g===c?{...p,[f]:u}:p));async function m(c){c.preventDefault(),i(null);let f={password:e.password,oidc:{...r,client_secret:a||void 0},external:e.external};delete f.oidc.client_secret_set;try{t(await gt("/api/v1/sign-in",f)),n(""),C("Sign-in settings saved.","success")}catch(u){i(u)}}return o`
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
          <input name="client_secret" type="password" autocomplete="off" value=${a} onInput=${c=>n(c.currentTarget.value)} /></label>
        <label class="field"><span>Scopes <span class="muted">(besides openid; comma-separated)</span></span>
          <input name="scopes" value=${r.scopes.join(", ")} placeholder="profile, email, groups"
            onInput=${c=>l("scopes",c.currentTarget.value.split(",").map(f=>f.trim()).filter(Boolean))} /></label>
        <label class="field"><span>Button label</span><input name="button_label" value=${r.button_label} placeholder="Sign in with single sign-on" onInput=${c=>l("button_label",c.currentTarget.value)} /></label>
        <label class="field"><span>Claim mapped to roles</span><input name="claim" value=${r.claim} placeholder="groups" onInput=${c=>l("claim",c.currentTarget.value)} /></label>
        ${r.mappings.map((c,f)=>o`
          <div class="mapping-row" data-mapping=${f}>
            <label class="field"><span>Claim value</span><input value=${c.value} onInput=${u=>d(f,"value",u.currentTarget.value)} /></label>
            <label class="field"><span>Role</span><select value=${c.role} onChange=${u=>d(f,"role",u.currentTarget.value)}>
              <option value="agent">agent</option><option value="supervisor">supervisor</option><option value="admin">admin</option></select></label>
            <label class="field"><span>Tier</span><input type="number" min="0" max="9" value=${c.tier} onInput=${u=>d(f,"tier",Number(u.currentTarget.value)||0)} /></label>
            <button type="button" class="button small ghost" aria-label="Remove this mapping" onClick=${()=>l("mappings",r.mappings.filter((u,p)=>p!==f))}>Remove</button>
          </div>`)}
        <button type="button" class="button small" onClick=${()=>l("mappings",[...r.mappings,{value:"",role:"agent",tier:0}])}>Add a mapping</button>
        <label class="field"><span>Role when no mapping matches</span>
          <select name="default_role" value=${r.default_role} onChange=${c=>l("default_role",c.currentTarget.value)}>
            <option value="">none: refuse the first sign-in</option><option value="agent">agent</option><option value="supervisor">supervisor</option></select></label>
        <label class="switch"><input type="checkbox" name="create_agents" checked=${r.create_agents} onChange=${c=>l("create_agents",c.currentTarget.checked)} />
          <span>Create agents on their first sign-in (else only agents you created may sign in)</span></label>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary">Save</button></div>
    </form>`}function Gs(){let[e,t]=h(null),[a,n]=h({product_name:"",sign_in_title:"",color:""}),[s,i]=h(null),r=f=>{t(f),Ie.value=f,n({product_name:f.product_name,sign_in_title:f.sign_in_title,color:f.color})};_(()=>{I("/api/v1/branding").then(r).catch(f=>k(f,"Could not load the branding"))},[]);async function l(f){f.preventDefault(),i(null);try{r(await ze("/api/v1/branding",a)),C("Branding saved.","success")}catch(u){i(u)}}async function d(f,u){if(u)try{r(await Me("PUT",`/api/v1/branding/${f}`,{headers:{"Content-Type":u.type||"application/octet-stream"},raw:u})),C(f==="logo"?"Logo saved.":"Default avatar saved.","success")}catch(p){k(p,"Upload refused")}}async function m(f){try{r(await Me("DELETE",`/api/v1/branding/${f}`))}catch(u){k(u)}}let c=f=>u=>n({...a,[f]:u.currentTarget.value});return e?o`
    <${P} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${l} aria-label="Branding">
      <${U} error=${s} />
      <label class="field"><span>Product name</span>
        <input name="product_name" maxlength="60" value=${a.product_name} placeholder="Parley" onInput=${c("product_name")} /></label>
      <label class="field"><span>Sign-in page title</span>
        <input name="sign_in_title" maxlength="120" value=${a.sign_in_title} placeholder=${`Sign in to ${a.product_name||"Parley"}`} onInput=${c("sign_in_title")} /></label>
      <label class="field"><span>Colour <span class="muted">(#rrggbb; the widget uses it when the inbox sets none)</span></span>
        <input name="color" maxlength="7" value=${a.color} placeholder="#4f46e5" onInput=${c("color")} /></label>
      <div class="form-actions"><button type="submit" class="button primary" id="save-branding">Save</button></div>
    </form>
    ${[["logo","Logo","Shown in the console’s header and on the sign-in page."],["avatar","Default agent avatar","The widget shows it for agents who have no picture."]].map(([f,u,p])=>o`
      <section class="card" aria-labelledby=${"brand-"+f}>
        <h2 id=${"brand-"+f}>${u}</h2>
        <p class="muted">${p} PNG, JPEG, GIF or WebP, at most 256 KiB and 2048 pixels a side.</p>
        <div class="brand-preview">
          ${e[f+"_url"]?o`<img src=${e[f+"_url"]} alt=${u} data-brand-preview=${f} />`:o`<span class="muted">None</span>`}
          <label class="button small">Upload…<input type="file" class="sr-only" name=${f} accept="image/png,image/jpeg,image/gif,image/webp"
            onChange=${g=>d(f,g.currentTarget.files[0])} /></label>
          ${e[f+"_url"]&&o`<button type="button" class="button small ghost" onClick=${()=>m(f)}>Remove</button>`}
        </div>
      </section>`)}`:o`<div class="spinner" role="status" aria-label="Loading the branding"></div>`}function Js(){let[e,t]=h(null),[a,n]=h([]),[s,i]=h(!1),[r,l]=h(null),d=()=>$.contextEndpoints().then(t).catch(u=>{k(u,"Could not load context endpoints"),t([])});_(()=>{d(),$.inboxes().then(n).catch(()=>{})},[]);let m=u=>u?a.find(p=>p.id===u)?.name||u:"Every inbox";async function c(u){if(confirm(`Replace the secret of “${u.title}”? Requests are signed with the new one at once: update your endpoint.`))try{let p=await $.rotateContextSecret(u.id);l({title:p.title,secret:p.secret})}catch(p){k(p)}}async function f(u){if(confirm(`Delete “${u.title}”? Agents no longer see its data.`))try{await $.deleteContextEndpoint(u.id),C(`“${u.title}” is deleted.`,"success"),d()}catch(p){k(p)}}return o`
    <${P} title="Customer data" sub="Your endpoints whose answers agents see beside the conversation: rows, links and charts.">
      <button type="button" class="button primary" onClick=${()=>{i(!s),l(null)}} aria-expanded=${s}>Add endpoint</button>
    <//>
    ${r&&o`
      <div class="card callout" role="status" aria-labelledby="ctx-secret-title">
        <h2 id="ctx-secret-title">Copy the signing secret of “${r.title}” now</h2>
        <p>This is the only time it is shown. Your endpoint checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="context-secret">${r.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>De(r.secret,"Secret copied")}><${xe} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>l(null)}>I have stored it</button>
      </div>`}
    ${s&&o`<${hl} inboxes=${a} onDone=${u=>{i(!1),u&&l({title:u.title,secret:u.secret}),d()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading context endpoints"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Context endpoints">
          <thead><tr><th scope="col">Title</th><th scope="col">URL</th><th scope="col">Inbox</th><th scope="col">Kind</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(u=>o`
              <tr key=${u.id} data-context-endpoint=${u.title}>
                <td class="strong">${u.title}</td>
                <td><code>${u.url}</code></td>
                <td class="muted">${m(u.inbox_id)}</td>
                <td class="muted">${u.statistics?"Statistics (date range)":"Details"}</td>
                <td class="right">
                  <button type="button" class="button small ghost" onClick=${()=>c(u)} aria-label=${"New secret for "+u.title}>New secret</button>
                  <button type="button" class="button small danger-ghost" onClick=${()=>f(u)} aria-label=${"Delete "+u.title}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No context endpoints</h2><p class="muted">Add one to show your own data about customers in the contact panel.</p></div>`}`}function hl({inboxes:e,onDone:t}){let[a,n]=h(""),[s,i]=h(""),[r,l]=h(""),[d,m]=h(!1),[c,f]=h(null);async function u(p){p.preventDefault();try{t(await $.createContextEndpoint({title:a,url:s,inbox_id:r||void 0,statistics:d}))}catch(g){f(g)}}return o`
    <form class="card form-grid" onSubmit=${u} aria-label="New context endpoint">
      <${U} error=${c} />
      <label class="field"><span>Title</span><input required maxlength="64" value=${a} onInput=${p=>n(p.currentTarget.value)} placeholder="The heading agents see, e.g. Orders" /></label>
      <label class="field"><span>URL</span><input required type="url" value=${s} onInput=${p=>i(p.currentTarget.value)} placeholder="https://crm.example.com/parley/orders" aria-describedby="ctx-url-help" />
        <small id="ctx-url-help" class="muted">Parley POSTs the contact's identifiers and the agent's id here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Inbox</span>
        <select value=${r} onChange=${p=>l(p.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map(p=>o`<option value=${p.id}>${p.name}</option>`)}
        </select></label>
      <label class="switch"><input type="checkbox" checked=${d} onChange=${p=>m(p.currentTarget.checked)} /><span>Statistics: send a date range agents choose</span></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a||!s}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>t(null)}>Cancel</button></div>
    </form>`}var gl=1500;function Zs(){let[e,t]=h(null),[a,n]=h([]),[s,i]=h([]),[r,l]=h(!1),[d,m]=h(null),[c,f]=h(null),[u,p]=h(0),g=()=>$.webhooks().then(t).catch(x=>{k(x,"Could not load webhooks"),t([])});_(()=>{g(),$.inboxes().then(n).catch(()=>{}),$.webhookEventTypes().then(i).catch(()=>{})},[]);let y=x=>x?a.find(q=>q.id===x)?.name||x:"Every inbox";async function b(x){try{await $.pingWebhook(x.id),C("Test event sent. Its delivery is in the log below.","success"),f(x.id),p(q=>q+1)}catch(q){k(q)}}async function v(x){if(confirm(`Replace the secret of ${x.url}? For 24 hours requests carry both signatures, the new secret's and the old one's.`))try{let q=await $.rotateWebhookSecret(x.id);m({url:q.url,secret:q.secret}),g()}catch(q){k(q)}}async function w(x,q){try{await $.updateWebhook(x.id,{enabled:q}),C(q?`${x.url} is enabled.`:`${x.url} is disabled.`,"success"),g()}catch(J){k(J)}}async function T(x){if(confirm(`Delete the endpoint ${x.url}? Its pending deliveries and its delivery log are deleted too.`))try{await $.deleteWebhook(x.id),C(`${x.url} is deleted.`,"success"),c===x.id&&f(null),g()}catch(q){k(q)}}let E=e?.find(x=>x.id===c);return o`
    <${P} title="Webhooks" sub="Your URLs that Parley sends events to, signed, retried and logged.">
      <button type="button" class="button primary" onClick=${()=>{l(!r),m(null)}} aria-expanded=${r}>Add endpoint</button>
    <//>
    ${d&&o`
      <div class="card callout" role="status" aria-labelledby="wh-secret-title">
        <h2 id="wh-secret-title">Copy the signing secret now</h2>
        <p>This is the only time the secret of <code>${d.url}</code> is shown. Your receiver checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="webhook-secret">${d.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>De(d.secret,"Secret copied")}><${xe} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>m(null)}>I have stored it</button>
      </div>`}
    ${r&&o`<${vl} inboxes=${a} catalogue=${s}
      onDone=${x=>{l(!1),x&&(m({url:x.url,secret:x.secret}),f(x.id)),g()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading webhooks"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Webhook endpoints">
          <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Inbox</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(x=>o`
              <tr key=${x.id} data-webhook=${x.url} class=${x.enabled?"":"revoked"}>
                <td class="details"><code class="strong">${x.url}</code>${x.description&&o`<div class="muted">${x.description}</div>`}</td>
                <td>${x.event_types.map(q=>o`<span class="tag">${q}</span> `)}</td>
                <td class="muted">${y(x.inbox_id)}</td>
                <td class="webhook-state"><${bl} e=${x} /></td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" aria-expanded=${c===x.id} aria-controls="wh-deliveries"
                    onClick=${()=>f(c===x.id?null:x.id)} aria-label=${"Deliveries to "+x.url}>Deliveries</button>
                  <button type="button" class="button small ghost" onClick=${()=>b(x)} aria-label=${"Send test event to "+x.url}>Send test event</button>
                  <button type="button" class="button small ghost" onClick=${()=>v(x)} aria-label=${"New secret for "+x.url}>New secret</button>
                  ${x.enabled?o`<button type="button" class="button small ghost" onClick=${()=>w(x,!1)} aria-label=${"Disable "+x.url}>Disable</button>`:o`<button type="button" class="button small ghost" onClick=${()=>w(x,!0)} aria-label=${"Enable "+x.url}>Enable</button>`}
                  <button type="button" class="button small danger-ghost" onClick=${()=>T(x)} aria-label=${"Delete "+x.url}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No webhook endpoints</h2><p class="muted">Add one to receive conversations, messages and contacts as they change.</p></div>`}
    ${E&&o`<${$l} key=${E.id} endpoint=${E} refresh=${u} onLoad=${g} />`}`}function bl({e}){return e.enabled?o`<span class="tag tag-ok">Enabled</span>
      ${e.failing_since&&o`<div class="wh-failing" title=${G(e.failing_since)}>Failing since ${M(e.failing_since)}</div>`}`:e.disabled_reason?o`<span class="tag tag-bad">Disabled by Parley</span><div class="wh-reason">${e.disabled_reason}</div>`:o`<span class="tag tag-muted">Disabled</span>`}function vl({inboxes:e,catalogue:t,onDone:a}){let[n,s]=h(""),[i,r]=h(""),[l,d]=h(""),[m,c]=h(""),[f,u]=h(null),p=i.split(/[\s,]+/).filter(Boolean);async function g(y){y.preventDefault();try{a(await $.createWebhook({url:n,event_types:p,inbox_id:l||void 0,description:m||void 0}))}catch(b){u(b)}}return o`
    <form class="card form-grid" onSubmit=${g} aria-label="New webhook endpoint">
      <${U} error=${f} />
      <label class="field"><span>URL</span><input required type="url" name="url" maxlength="2048" value=${n} onInput=${y=>s(y.currentTarget.value)}
        placeholder="https://crm.example.com/parley-events" aria-describedby="wh-url-help" />
        <small id="wh-url-help" class="muted">Parley POSTs each event here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Event types</span><input required name="event_types" value=${i} onInput=${y=>r(y.currentTarget.value)}
        placeholder="conversation.*, message.created" aria-describedby="wh-types-help" />
        <small id="wh-types-help" class="muted">Separated by commas. A group such as <code>conversation.*</code> is every type of it; <code>*</code> is every type.</small></label>
      <label class="field"><span>Inbox</span>
        <select name="inbox_id" value=${l} onChange=${y=>d(y.currentTarget.value)}>
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
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!p.length}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>a(null)}>Cancel</button></div>
    </form>`}function $l({endpoint:e,refresh:t,onLoad:a}){let[n,s]=h(null),[i,r]=h(0),[l,d]=h(null),m=()=>$.webhookDeliveries(e.id).then(s).catch(u=>{k(u,"Could not load deliveries"),s([])}).then(a);_(()=>{m()},[t,i]);let c=Math.min(...(n||[]).filter(u=>u.status==="pending").map(u=>u.next_attempt_at?new Date(u.next_attempt_at).getTime():Date.now()));_(()=>{if(!Number.isFinite(c))return;let u=setTimeout(()=>r(p=>p+1),Math.min(Math.max(c-Date.now()+500,gl),6e4));return()=>clearTimeout(u)},[c,n]);async function f(u){try{await $.redeliverWebhook(e.id,u.id),C(`${u.event_type} is sent again.`,"success"),r(p=>p+1)}catch(p){k(p)}}return o`
    <section class="card wh-deliveries" id="wh-deliveries" aria-labelledby="wh-deliveries-title">
      <div class="card-head">
        <div><h2 id="wh-deliveries-title">Deliveries to <code>${e.url}</code></h2>
          <p class="muted">The newest first. Each request is a POST of the event, signed, with the header <code>webhook-id</code> the same on every attempt.</p></div>
        <button type="button" class="button small ghost" onClick=${()=>r(u=>u+1)}><${qa} size=${14} /> Refresh</button>
      </div>
      ${n===null?o`<div class="spinner" role="status" aria-label="Loading deliveries"></div>`:n.length?o`
        <div class="table-wrap">
          <table class="table" aria-label=${"Deliveries to "+e.url}>
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last result</th><th scope="col">Created</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${n.map(u=>o`
                <tr key=${u.id} data-delivery=${u.id} data-event-type=${u.event_type}>
                  <td><span class="strong">${u.event_type}</span><div class="muted"><code>${u.event_id}</code></div></td>
                  <td><span class=${"tag delivery-status "+yl(u.status)} data-status=${u.status}>${u.status}</span>
                    ${u.status==="pending"&&u.next_attempt_at&&o`<div class="muted">next ${M(u.next_attempt_at)}</div>`}</td>
                  <td class="delivery-attempts">${u.attempts}</td>
                  <td>${u.last_status_code?o`HTTP ${u.last_status_code}`:""}${u.last_error&&o`<div class="wh-reason">${u.last_error}</div>`}</td>
                  <td class="muted" title=${G(u.created_at)}>${M(u.created_at)}</td>
                  <td class="right">
                    <button type="button" class="button small ghost" aria-expanded=${l===u.id}
                      onClick=${()=>d(l===u.id?null:u.id)} aria-label=${"Details of "+u.event_type+" "+u.event_id}>Details</button>
                    <button type="button" class="button small ghost" onClick=${()=>f(u)} aria-label=${"Redeliver "+u.event_type+" "+u.event_id}>Redeliver</button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>
        ${l&&o`<${_l} key=${l+i} endpoint=${e} id=${l} />`}`:o`<p class="muted">No deliveries yet. Send a test event to see one.</p>`}
    </section>`}var yl=e=>e==="delivered"?"tag-ok":e==="failed"?"tag-bad":"tag-muted";function xl(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}function _l({endpoint:e,id:t}){let[a,n]=h(null);return _(()=>{$.webhookDelivery(e.id,t).then(n).catch(s=>k(s,"Could not load the delivery"))},[t]),a?o`
    <div class="wh-attempts" data-delivery-detail=${a.id}>
      <h3>Request</h3>
      <pre class="wh-request"><code>${[`POST ${e.url}`,"content-type: application/json",`webhook-id: ${a.event_id}`,"webhook-timestamp, webhook-signature: set on each attempt"].join(`
`)}</code></pre>
      ${a.request_body?o`<pre class="wh-request-body"><code>${xl(a.request_body)}</code></pre>`:o`<p class="muted wh-no-body">The body, the <code>${a.event_type}</code> event, is not shown: the event is no longer kept.</p>`}
      <h3>Attempts</h3>
      ${a.attempt_log?.length?o`
        <ol class="wh-attempt-list">
          ${a.attempt_log.map(s=>o`
            <li data-attempt=${s.id}>
              <div><span class="strong attempt-result">${s.status_code?`HTTP ${s.status_code}`:"No response"}</span>
                <span class="muted"> · <span class="attempt-latency">${s.latency_ms.toFixed(1)} ms</span> · <span title=${G(s.attempted_at)}>${M(s.attempted_at)}</span></span></div>
              ${s.error&&o`<div class="wh-reason">${s.error}</div>`}
              <div class="muted">Response${s.response?"":": empty"}</div>
              ${s.response&&o`<pre class="attempt-response"><code>${s.response}</code></pre>`}
            </li>`)}
        </ol>`:o`<p class="muted">No attempt yet.</p>`}
    </div>`:o`<div class="spinner" role="status" aria-label="Loading the delivery"></div>`}var wl={all:"Everything in this workspace that an administrator’s API token can do: read and change agents, inboxes, contacts, conversations, webhooks, tokens, apps and the audit log.","agents:read":"See the agents of this workspace: their names, emails, roles, presence and attributes.","agents:write":"Create agents and bots, and change, disable and delete the agents it created.","agents:manage_all":"Change, disable and delete any agent of this workspace, also the ones it did not create.","inboxes:read":"See the inboxes with their widget settings, the branding and the customer data endpoints.","inboxes:write":"Create inboxes and change their settings, identity rules and allowed sites.","contacts:read":"Read your contacts: visitors’ names, emails, phone numbers and attributes.","contacts:write":"Create, change, merge and erase contacts.","conversations:read":"Read every conversation with its messages and the agents’ private notes.","conversations:write":"Write in conversations as an agent, and assign, transfer, resolve and reopen them.","webhooks:read":"See the webhook endpoints and their delivery logs.","webhooks:write":"Add, change and delete webhook endpoints, and send events to them again.","visitors:write":"Open chat sessions for visitors on your site, as your back-end does for signed-in users.","tokens:read":"See the API tokens and the installed apps (never their secrets).","tokens:write":"Create and revoke API tokens, and install, change and uninstall apps.","audit:read":"Read the audit log: who changed what, and when.","labels:write":"Create, rename and delete labels.","canned_responses:write":"Add, change and delete the shared canned responses.","routing:write":"Change teams, queues and routing rules."},kl=[["agents_total","Agents and bots it created that exist at once",10],["agents_per_day","Agents and bots it may create in 24 hours",10],["requests_per_minute","API requests a minute",600]],Fa=null;function ei({id:e}){return e?o`<${Al} id=${e} />`:o`<${Cl} />`}function Cl(){let[e,t]=h(null),[a,n]=h(!1);_(()=>{$.apps().then(t).catch(i=>{k(i,"Could not load apps"),t([])})},[]);let s=i=>j(`${z}/admin/apps/${encodeURIComponent(i.id)}`);return o`
    <${P} title="Apps" sub="Integrations installed from a manifest, each with the rights and quotas you approved.">
      <button type="button" class="button primary" onClick=${()=>n(!a)} aria-expanded=${a}>Install app</button>
    <//>
    ${a&&o`<${Tl} onCancel=${()=>n(!1)}
      onInstalled=${i=>{Fa=i,C(`“${i.name}” is installed.`,"success"),s(i)}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading apps"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Apps">
          <thead><tr><th scope="col">Name</th><th scope="col">Publisher</th><th scope="col">Scopes</th><th scope="col">State</th><th scope="col">Installed</th></tr></thead>
          <tbody>
            ${e.map(i=>o`
              <tr key=${i.id} data-app=${i.name} class=${i.enabled?"":"revoked"}>
                <td class="strong"><a href=${`${z}/admin/apps/${encodeURIComponent(i.id)}`} onClick=${r=>{!r.metaKey&&!r.ctrlKey&&(r.preventDefault(),s(i))}}>${i.name}</a></td>
                <td class="muted">${i.manifest.publisher||"—"}</td>
                <td>${i.scopes.map(r=>o`<span class="tag">${r}</span> `)}</td>
                <td>${i.enabled?o`<span class="tag tag-ok">Enabled</span>`:o`<span class="tag tag-muted">Disabled</span>`}</td>
                <td class="muted" title=${G(i.created_at)}>${M(i.created_at)} by ${i.installed_by}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:!a&&o`<div class="empty"><h2>No apps</h2><p class="muted">Install one from the manifest its publisher gives you.</p></div>`}`}function Sl(e){let t;try{t=JSON.parse(e)}catch(a){return{error:`This is not JSON: ${a.message}`}}return!t||typeof t!="object"||Array.isArray(t)?{error:"A manifest is a JSON object, with at least a name and scopes."}:typeof t.name!="string"||!t.name.trim()?{error:"The manifest has no name."}:!Array.isArray(t.scopes)||!t.scopes.length||t.scopes.some(a=>typeof a!="string")?{error:'The manifest asks for no scopes: it must list them in "scopes".'}:{manifest:t}}var Xs=64*1024;function Tl({onCancel:e,onInstalled:t}){let[a,n]=h(""),[s,i]=h(null),[r,l]=h(""),[d,m]=h(null),[c,f]=h(!1);async function u(y){let b=y.currentTarget.files?.[0];if(b){if(b.size>Xs){l(`The file is too large for a manifest (${b.size} bytes; at most ${Xs}).`);return}n(await b.text()),l("")}}function p(y){y.preventDefault();let b=Sl(a);l(b.error||""),m(null),b.manifest&&i(b.manifest)}async function g(){f(!0);try{t(await $.installApp(s))}catch(y){m(y)}finally{f(!1)}}return s?o`
      <section class="card app-review" aria-labelledby="app-review-title">
        <h2 id="app-review-title">Install “${s.name}”?</h2>
        <${ti} m=${s} />
        <${ai} scopes=${s.scopes} heading="What it will be able to read and do" />
        <${ni} quotas=${s.quotas||{}} />
        <${oi} webhook=${s.webhook} />
        <${si} panel=${s.panel} name=${s.name} />
        <p>Approving grants all of this; you may narrow it later, never widen it.</p>
        <${U} error=${d} />
        <div class="form-actions">
          <button type="button" class="button primary" onClick=${g} disabled=${c}>Approve and install</button>
          <button type="button" class="button ghost" onClick=${()=>{i(null),m(null)}}>Back to the manifest</button>
          <button type="button" class="button ghost" onClick=${e}>Cancel</button>
        </div>
      </section>`:o`
    <form class="card" onSubmit=${p} aria-label="App manifest">
      ${r&&o`<div class="form-error" role="alert">${r}</div>`}
      <label class="field"><span>Manifest (JSON)</span>
        <textarea name="manifest" rows="12" class="mono" value=${a} onInput=${y=>n(y.currentTarget.value)}
          aria-describedby="app-manifest-help" spellcheck="false"></textarea>
        <small id="app-manifest-help" class="muted">Paste the manifest the app's publisher gives you, or choose its file below. Nothing is installed before you approve it.</small></label>
      <label class="field"><span>Or a manifest file</span><input type="file" name="manifest_file" accept=".json,application/json" onChange=${u} /></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a.trim()}>Review</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function ti({m:e}){return o`
    <dl class="app-about">
      ${e.description&&o`<dt>Description</dt><dd>${e.description}</dd>`}
      <dt>Publisher</dt><dd>${e.publisher||"Not given"}</dd>
      ${e.homepage&&o`<dt>Homepage</dt><dd><a href=${/^https:\/\//.test(e.homepage)?e.homepage:void 0} rel="noopener noreferrer" target="_blank">${e.homepage}</a></dd>`}
    </dl>`}function ai({scopes:e,heading:t}){return o`
    <h3>${t}</h3>
    <ul class="app-scopes">
      ${e.map(a=>o`
        <li data-scope=${a}><span class="scope-sentence">${wl[a]||`Something Parley does not know (${a}): the server will refuse to install it.`}</span>
          <code class="muted">${a}</code></li>`)}
    </ul>`}function ni({quotas:e,usage:t}){return o`
    <h3>Quotas</h3>
    <table class="table app-quotas" aria-label="Quotas">
      <thead><tr><th scope="col">Quota</th>${t&&o`<th scope="col">Used</th>`}<th scope="col">Limit</th></tr></thead>
      <tbody>
        ${kl.map(([a,n,s])=>o`
          <tr data-quota=${a}><th scope="row">${n}</th>
            ${t&&o`<td class="quota-used">${a in t?`${t[a]} of ${e[a]||s}`:"counted by each node"}</td>`}
            <td class="quota-limit">${e[a]?e[a]:`${s} (the default)`}</td></tr>`)}
      </tbody>
    </table>`}function oi({webhook:e,id:t}){return o`
    <h3>Webhook</h3>
    ${e?o`
      <p class="app-webhook">Parley sends the events ${e.event_types.map(a=>o`<span class="tag">${a}</span> `)} to <code>${e.url}</code>, signed.
        ${t&&o` <a href=${`${z}/admin/webhooks`} onClick=${a=>{a.preventDefault(),j(`${z}/admin/webhooks`)}}>See its deliveries</a>.`}</p>`:o`<p class="app-webhook muted">None: Parley sends this app no events.</p>`}`}function si({panel:e,name:t}){return o`
    <h3>Panel beside conversations</h3>
    ${e?o`
      <p class="app-panel-review">Agents see “${e.title||t}”, the page <code>${e.url}</code>, beside each conversation they may read,
        in a sandboxed frame. It is told the conversation’s and contact’s IDs, with a token valid 5 minutes that reads only them.</p>`:o`<p class="app-panel-review muted">None.</p>`}`}function Al({id:e}){let[t,a]=h(null),[n]=h(()=>{let m=Fa?.id===e?Fa:null;return Fa=null,m}),[s,i]=h(!!n),r=()=>$.app(e).then(a).catch(m=>{k(m,"Could not load the app"),a(!1)});_(()=>{r()},[e]);async function l(m){if(!(!m&&!confirm(`Disable “${t.name}”? Its access tokens stop working and its connections close at once.`)))try{a(await(m?$.enableApp(e):$.disableApp(e)).then(()=>$.app(e))),C(m?`“${t.name}” is enabled.`:`“${t.name}” is disabled.`,"success")}catch(c){k(c)}}async function d(){if(confirm(`Uninstall “${t.name}”? Its access tokens and its webhook are deleted at once; the agents it created remain.`))try{await $.uninstallApp(e),C(`“${t.name}” is uninstalled.`,"success"),j(`${z}/admin/apps`)}catch(m){k(m)}}return t===null?o`<div class="spinner" role="status" aria-label="Loading the app"></div>`:t===!1?o`<div class="empty"><h1>App not found</h1><p><a href=${`${z}/admin/apps`} onClick=${m=>{m.preventDefault(),j(`${z}/admin/apps`)}}>All apps</a></p></div>`:o`
    <${P} title=${t.name} sub=${t.enabled?"Enabled":"Disabled: its access tokens are refused."}>
      <a class="button ghost" href=${`${z}/admin/apps`} onClick=${m=>{m.preventDefault(),j(`${z}/admin/apps`)}}>All apps</a>
      ${t.enabled?o`<button type="button" class="button" onClick=${()=>l(!1)}>Disable</button>`:o`<button type="button" class="button" onClick=${()=>l(!0)}>Enable</button>`}
      <button type="button" class="button danger-ghost" onClick=${d}>Uninstall</button>
    <//>
    ${s&&n&&o`
      <div class="card callout" role="status" aria-labelledby="app-secret-title">
        <h2 id="app-secret-title">Copy the app's secrets now</h2>
        <p>This is the only time they are shown. Give them to the app: it signs in with its client ID and secret${n.webhook_secret?", and checks the signature of each webhook request with the webhook secret":""}.</p>
        <dl class="app-about">
          <dt>Client ID</dt><dd><code class="app-client-id">${n.client_id}</code></dd>
        </dl>
        <div class="snippet"><pre><code class="app-client-secret">${n.client_secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>De(n.client_secret,"Client secret copied")} aria-label="Copy the client secret"><${xe} size=${14} /> Copy</button></div>
        ${n.webhook_secret&&o`
          <div class="snippet"><pre><code class="app-webhook-secret">${n.webhook_secret}</code></pre>
            <button type="button" class="button small" onClick=${()=>De(n.webhook_secret,"Webhook secret copied")} aria-label="Copy the webhook secret"><${xe} size=${14} /> Copy</button></div>`}
        <button type="button" class="button ghost small" onClick=${()=>i(!1)}>I have stored them</button>
      </div>`}
    <section class="card app-detail" aria-labelledby="app-detail-title">
      <h2 id="app-detail-title">Rights, quotas and webhook</h2>
      <${ti} m=${t.manifest} />
      <p class="muted">Client ID <code>${t.client_id}</code> · installed ${M(t.created_at)} by ${t.installed_by}</p>
      <${ai} scopes=${t.scopes} heading="What it can read and do" />
      <${ni} quotas=${t.quotas} usage=${t.usage||{}} />
      <${oi} webhook=${t.manifest.webhook} id=${t.webhook_id} />
      <${si} panel=${t.manifest.panel} name=${t.name} />
    </section>`}function ii(){let[e,t]=h(null),[a,n]=h(null),s=()=>(Wt(),$.teams().then(t).catch(l=>{k(l,"Could not load teams"),t([])}));_(()=>{s(),$.agents().then(l=>{fe.value=l}).catch(()=>{})},[]);let i=l=>fe.value.find(d=>d.id===l)?.name||l;async function r(l){if(confirm(`Delete the team ${l.name}? Its agents stay; only the group is deleted.`))try{await $.deleteTeam(l.id),C(`${l.name} is deleted.`,"success"),a?.id===l.id&&n(null),s()}catch(d){k(d,`Could not delete ${l.name}`)}}return o`
    <${P} title="Teams" sub="Groups of agents. A queue gives its conversations to the members of its team.">
      <button type="button" class="button primary" onClick=${()=>n(a==="new"?null:"new")} aria-expanded=${a==="new"}>Add team</button>
    <//>
    ${a&&o`<${Il} key=${a==="new"?"new":a.id} team=${a==="new"?null:a}
      onDone=${()=>{n(null),s()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading teams"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Teams">
          <thead><tr><th scope="col">Team</th><th scope="col">Agents</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(l=>o`
              <tr key=${l.id} data-team=${l.name}>
                <td class="strong">${l.name}</td>
                <td class="team-members">${l.agent_ids.length?l.agent_ids.map(d=>o`<span class="tag">${i(d)}</span> `):o`<span class="muted">No agents</span>`}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>n(l)} aria-label=${"Edit "+l.name}>Edit</button>
                  <button type="button" class="button small danger-ghost" onClick=${()=>r(l)} aria-label=${"Delete "+l.name}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No teams</h2><p class="muted">Add one, then route a queue to it on the Queues page.</p></div>`}`}function Il({team:e,onDone:t}){let[a,n]=h(e?.name||""),[s,i]=h(e?.agent_ids||[]),[r,l]=h(null),[d,m]=h(!1),c=g=>i(s.includes(g)?s.filter(y=>y!==g):[...s,g]);async function f(g){g.preventDefault(),m(!0);try{e?await $.updateTeam(e.id,{name:a,agent_ids:s}):await $.createTeam({name:a,agent_ids:s}),C(e?`${a} is saved.`:`${a} is created.`,"success"),t()}catch(y){l(y)}finally{m(!1)}}let u=e?`Edit team ${e.name}`:"New team",p=fe.value.filter(g=>!g.disabled||s.includes(g.id));return o`
    <form class="card form-grid" onSubmit=${f} aria-label=${u}>
      <${U} error=${r} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${a}
        onInput=${g=>n(g.currentTarget.value)} placeholder="Support" /></label>
      <fieldset class="field">
        <legend>Agents</legend>
        <div class="scope-grid">
          ${p.map(g=>o`
            <label class="check" key=${g.id}><input type="checkbox" name="agent" value=${g.id} checked=${s.includes(g.id)}
              onChange=${()=>c(g.id)} /> ${g.name}${g.bot?" (bot)":""}</label>`)}
        </div>
        <small class="muted">An agent may be in several teams. Bots are never given conversations by a queue's strategy.</small>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${d||!a.trim()}>${e?"Save team":"Create team"}</button>
        <button type="button" class="button ghost" onClick=${t}>Cancel</button></div>
    </form>`}var El=5,ri=e=>(e?.tiers||[]).map(t=>({team_id:t.team_id||"",seconds:String(t.seconds)})),li=(e,t)=>e?t.map((a,n)=>({...n>0?{team_id:a.team_id}:{},seconds:Number(a.seconds)||0})):[];function ci({on:e,setOn:t,tiers:a,setTiers:n,teams:s,teamName:i}){let r=(d,m)=>c=>{let f=a.map(u=>({...u}));f[d][m]=c.currentTarget.value,n(f)},l=d=>{t(d),d&&a.length===0&&n([{team_id:"",seconds:"120"},{team_id:s[0]?.id||"",seconds:"300"}])};return o`
    <fieldset class="field queue-tiers-edit">
      <legend>Escalation tiers</legend>
      <label class="check"><input type="checkbox" name="tiers" checked=${e} onChange=${d=>l(d.currentTarget.checked)} /> Escalate when nobody accepts or answers in time</label>
      ${e?o`
        <ol class="tiers-list">
          ${a.map((d,m)=>o`
            <li key=${m} class="tier-row" data-tier=${m+1}>
              <span class="strong">Tier ${m+1}</span>
              ${m===0?o`<span class="muted">${i}</span>`:o`
                <select name=${"tier-team-"+(m+1)} value=${d.team_id} onChange=${r(m,"team_id")} aria-label=${`Tier ${m+1} team`}>
                  <option value="">Choose a team…</option>
                  ${s.map(c=>o`<option value=${c.id}>${c.name}</option>`)}
                </select>`}
              <label class="inline">for <input type="number" min="1" max="86400" step="1" name=${"tier-seconds-"+(m+1)} value=${d.seconds}
                onInput=${r(m,"seconds")} aria-label=${`Tier ${m+1} seconds`} /> s</label>
              ${m>0&&o`<button type="button" class="button small danger-ghost" onClick=${()=>n(a.filter((c,f)=>f!==m))}
                aria-label=${`Remove tier ${m+1}`}>Remove</button>`}
            </li>`)}
        </ol>
        ${a.length<El&&o`<button type="button" class="button small" onClick=${()=>n([...a,{team_id:"",seconds:"300"}])}>Add tier</button>`}
        <small class="muted">A conversation not accepted, or not answered, within its tier's time goes to the next tier, whose team joins the earlier ones; after the last tier's time supervisors are alerted.</small>`:o`<small class="muted">No escalation: the queue's team alone takes its conversations.</small>`}
    </fieldset>`}var di=[["manual","Manual — agents take conversations themselves"],["round_robin","Round robin — each agent in turn"],["least_busy","Least busy — the agent holding the fewest"],["longest_idle","Longest idle — the agent assigned longest ago"]],Nl=e=>e==="external"?"External service":di.find(([t])=>t===e)?.[1].split(" — ")[0]||e,Qn=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function pi(){let[e,t]=h(null),[a,n]=h([]),[s,i]=h([]),[r,l]=h(null),d=()=>(Wt(),$.queues().then(t).catch(f=>{k(f,"Could not load queues"),t([])}));_(()=>{d(),$.teams().then(n).catch(()=>{}),$.inboxes().then(i).catch(()=>{})},[]);let m=f=>f?a.find(u=>u.id===f)?.name||f:"Every agent";async function c(f){if(confirm(`Delete the queue ${f.name}?`))try{await $.deleteQueue(f.id),C(`${f.name} is deleted.`,"success"),r?.id===f.id&&l(null),d()}catch(u){k(u,`Could not delete ${f.name}`)}}return o`
    <${P} title="Queues" sub="Where conversations wait, and how they reach agents.">
      <button type="button" class="button primary" onClick=${()=>l(r==="new"?null:"new")} aria-expanded=${r==="new"}>Add queue</button>
    <//>
    ${r&&o`<${zl} key=${r==="new"?"new":r.id} queue=${r==="new"?null:r} teams=${a}
      onDone=${()=>{l(null),d()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading queues"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Queues">
          <thead><tr><th scope="col">Queue</th><th scope="col">Team</th><th scope="col">Strategy</th><th scope="col">Capacity</th><th scope="col">Business hours</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(f=>o`
              <tr key=${f.id} data-queue=${f.name}>
                <td><span class="strong">${f.name}</span>${f.default&&o` <span class="tag tag-muted">Default</span>`}</td>
                <td class="queue-team">${m(f.team_id)}</td>
                <td class="queue-strategy">${Nl(f.strategy)}${f.offer_mode?o`<br /><small class="muted queue-offer">Offered, ${f.offer_timeout_seconds} s to accept</small>`:""}</td>
                <td class="queue-capacity">${f.capacity?f.capacity+" per agent":"The agents' own"}</td>
                <td class="queue-hours">${f.business_hours?Dl(f.business_hours):"Always open"}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>l(f)} aria-label=${"Edit "+f.name}>Edit</button>
                  ${!f.default&&o`<button type="button" class="button small danger-ghost" onClick=${()=>c(f)} aria-label=${"Delete "+f.name}>Delete</button>`}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}
    ${e!==null&&o`<${Ul} queues=${e} inboxes=${s} />`}`}function Dl(e){return`${e.weekly.map((a,n)=>a?.length?`${Qn[n].slice(0,3)} ${a.map(s=>`${s.start}–${s.end}`).join(", ")}`:null).filter(Boolean).join("; ")||"Closed every day"} (${e.time_zone})${e.holidays?.length?`, ${e.holidays.length} holiday${e.holidays.length>1?"s":""}`:""}`}function ql(e){let t=[];for(let a of e.split(",").map(n=>n.trim()).filter(Boolean)){let n=/^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(a);if(!n)return null;t.push({start:n[1].padStart(5,"0"),end:n[2].padStart(5,"0")})}return t}var Rl=(()=>{try{return Intl.supportedValuesOf("timeZone")}catch{return[]}})(),Pl=(()=>{try{return Intl.DateTimeFormat().resolvedOptions().timeZone}catch{return"UTC"}})();function zl({queue:e,teams:t,onDone:a}){let[n,s]=h(e),[i,r]=h({name:e?.name||"",team_id:e?.team_id||"",strategy:e?.strategy||"round_robin",capacity:String(e?.capacity||0)}),[l,d]=h({offer_mode:!!e?.offer_mode,offer_timeout_seconds:String(e?.offer_timeout_seconds||30),offline_return_seconds:String(e?.offline_return_seconds||0)}),m=e?.business_hours,[c,f]=h(!!m),[u,p]=h(m?.time_zone||Pl),[g,y]=h(m?m.weekly.map(N=>(N||[]).map(ne=>`${ne.start}-${ne.end}`).join(", ")):["","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00",""]),[b,v]=h((m?.holidays||[]).join(", ")),[w,T]=h(!!e?.tiers?.length),[E,x]=h(ri(e)),[q,J]=h(null),[ee,_e]=h(!1),Z=N=>ne=>r({...i,[N]:ne.currentTarget.value});async function me(N){N.preventDefault();let ne=g.map(ql),dt=ne.findIndex(he=>he===null);if(c&&dt>=0){J({message:`${Qn[dt]}: write the opening hours as 09:00-17:30, several separated by commas, or leave it empty when closed.`});return}_e(!0),J(null);try{let he={name:i.name,team_id:i.team_id,strategy:i.strategy,capacity:Number(i.capacity)||0,offer_mode:l.offer_mode,offline_return_seconds:Number(l.offline_return_seconds)||0,tiers:li(w,E)};l.offer_mode&&(he.offer_timeout_seconds=Number(l.offer_timeout_seconds)||30);let S=n?await $.updateQueue(n.id,he):await $.createQueue(he);s(S),c?S=await $.setBusinessHours(S.id,{time_zone:u.trim(),weekly:ne,holidays:b.split(/[\s,]+/).filter(Boolean)}):n?.business_hours&&await $.deleteBusinessHours(S.id),C(e?`${i.name} is saved.`:`${i.name} is created.`,"success"),a()}catch(he){J(he)}finally{_e(!1)}}let ie=e?`Edit queue ${e.name}`:"New queue";return o`
    <form class="card form-grid" onSubmit=${me} aria-label=${ie}>
      <${U} error=${q} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${i.name} onInput=${Z("name")} placeholder="Support" /></label>
      <label class="field"><span>Team</span>
        <select name="team_id" value=${i.team_id} onChange=${Z("team_id")} aria-describedby="q-team-help">
          <option value="">Every agent of the workspace</option>
          ${t.map(N=>o`<option value=${N.id}>${N.name}</option>`)}
        </select>
        <small id="q-team-help" class="muted">Whose members take this queue's conversations.</small></label>
      <label class="field"><span>Strategy</span>
        <select name="strategy" value=${i.strategy} onChange=${Z("strategy")}>
          ${di.map(([N,ne])=>o`<option value=${N}>${ne}</option>`)}
          ${i.strategy==="external"&&o`<option value="external">External service — your routing service decides</option>`}
        </select></label>
      <label class="field"><span>Capacity per agent</span>
        <input type="number" name="capacity" min="0" max="1000" step="1" value=${i.capacity} onInput=${Z("capacity")} aria-describedby="q-cap-help" />
        <small id="q-cap-help" class="muted">How many of this queue's conversations an agent may hold at once; 0 keeps each agent's own capacity.</small></label>
      <${Ml} v=${l} onChange=${d} />
      <fieldset class="field queue-hours-edit">
        <legend>Business hours</legend>
        <label class="check"><input type="checkbox" name="hours" checked=${c} onChange=${N=>f(N.currentTarget.checked)} /> Open only at set hours</label>
        ${c?o`
          <label class="field"><span>Time zone</span><input required name="time_zone" list="q-zones" maxlength="64" value=${u}
            onInput=${N=>p(N.currentTarget.value)} aria-describedby="q-zone-help" />
            <small id="q-zone-help" class="muted">The hours are wall-clock times of this zone, e.g. Europe/Berlin, so 09:00 stays 09:00 across daylight-saving changes.</small></label>
          <datalist id="q-zones">${Rl.map(N=>o`<option value=${N} />`)}</datalist>
          <div class="hours-week">
            ${Qn.map((N,ne)=>o`
              <label class="field" key=${N}><span>${N}</span><input name=${"day-"+ne} value=${g[ne]} placeholder="Closed"
                onInput=${dt=>{let he=[...g];he[ne]=dt.currentTarget.value,y(he)}} aria-describedby="q-day-help" /></label>`)}
          </div>
          <small id="q-day-help" class="muted">Opening hours as 09:00-17:30; several separated by commas (09:00-12:00, 13:00-17:00); empty when closed.</small>
          <label class="field"><span>Holidays</span><input name="holidays" value=${b} onInput=${N=>v(N.currentTarget.value)}
            placeholder="2026-12-25, 2026-12-26" aria-describedby="q-hol-help" />
            <small id="q-hol-help" class="muted">Closed days, YYYY-MM-DD, separated by commas.</small></label>`:o`<small class="muted">Always open.</small>`}
      </fieldset>
      <${ci} on=${w} setOn=${T} tiers=${E} setTiers=${x} teams=${t}
        teamName=${i.team_id?t.find(N=>N.id===i.team_id)?.name||i.team_id:"Every agent"} />
      <div class="form-actions"><button type="submit" class="button primary" disabled=${ee||!i.name.trim()}>${e?"Save queue":"Create queue"}</button>
        <button type="button" class="button ghost" onClick=${a}>Cancel</button></div>
    </form>`}function Ml({v:e,onChange:t}){let a=n=>s=>t({...e,[n]:s.currentTarget.type==="checkbox"?s.currentTarget.checked:s.currentTarget.value});return o`
    <fieldset class="field queue-offers-edit">
      <legend>Offers and returns</legend>
      <label class="check"><input type="checkbox" name="offer_mode" checked=${e.offer_mode} onChange=${a("offer_mode")} aria-describedby="q-offer-help" /> Offer conversations to agents</label>
      <small id="q-offer-help" class="muted">The strategy's agent accepts or declines each conversation; when it declines or lets the time pass, the next agent is asked.</small>
      ${e.offer_mode&&o`
        <label class="field"><span>Seconds to accept</span>
          <input type="number" name="offer_timeout_seconds" required min="1" max="600" step="1" value=${e.offer_timeout_seconds} onInput=${a("offer_timeout_seconds")} /></label>`}
      <label class="field"><span>Back to the queue after (seconds offline)</span>
        <input type="number" name="offline_return_seconds" min="0" max="86400" step="1" value=${e.offline_return_seconds} onInput=${a("offline_return_seconds")} aria-describedby="q-return-help" />
        <small id="q-return-help" class="muted">When an agent holding this queue's conversations is offline this long, they go back to the queue; 0 never.</small></label>
    </fieldset>`}var Ll=1,Yn=e=>({key:Ll++,queue_id:e.queue_id||"",inbox_id:e.inbox_id||"",verified:e.verified===!0?"true":e.verified===!1?"false":"",attributes:Object.entries(e.attributes||{}).map(([t,a])=>`${t}=${a}`).join(", "),page_url_prefix:e.page_url_prefix||""});function Ol(e){let t={};for(let a of e.split(",").map(n=>n.trim()).filter(Boolean)){let n=a.indexOf("=");if(n<=0)return null;t[a.slice(0,n).trim()]=a.slice(n+1).trim()}return t}function Ul({queues:e,inboxes:t}){let[a,n]=h(null),[s,i]=h(null),[r,l]=h(!1),[d,m]=h(!1);_(()=>{$.routingRules().then(b=>n(b.map(Yn))).catch(b=>{k(b,"Could not load the routing rules"),n([])})},[]);let c=b=>{n(b),m(!0)},f=(b,v)=>w=>{let T=[...a];T[b]={...T[b],[v]:w.currentTarget.value},c(T)};function u(b,v,w){let T=[...a];[T[b],T[b+v]]=[T[b+v],T[b]],c(T),setTimeout(()=>{let E=document.querySelector(`[data-rule="${b+v}"]`);(E?.querySelector(`.${w}:not(:disabled)`)||E?.querySelector(".move-up:not(:disabled), .move-down:not(:disabled)"))?.focus()},0)}function p(b){c(a.filter((v,w)=>w!==b)),setTimeout(()=>document.querySelector(`[data-rule="${Math.min(b,a.length-2)}"] select`)?.focus()||document.querySelector(".rules-add")?.focus(),0)}function g(){c([...a,Yn({queue_id:e.find(b=>!b.default)?.id||e[0]?.id})]),setTimeout(()=>document.querySelector(`[data-rule="${a.length}"] select`)?.focus(),0)}async function y(b){b.preventDefault();let v=[];for(let[w,T]of a.entries()){let E=Ol(T.attributes);if(E===null){i({message:`Rule ${w+1}: write the contact attributes as name=value, several separated by commas.`});return}v.push({queue_id:T.queue_id,inbox_id:T.inbox_id||void 0,verified:T.verified===""?void 0:T.verified==="true",attributes:Object.keys(E).length?E:void 0,page_url_prefix:T.page_url_prefix.trim()||void 0})}l(!0),i(null);try{let w=await $.setRoutingRules(v);n(w.rules.map(Yn)),m(!1),C("The routing rules are saved.","success")}catch(w){i(w)}finally{l(!1)}}return o`
    <section class="card rules" aria-labelledby="rules-title">
      <div class="card-head"><div>
        <h2 id="rules-title">Routing rules</h2>
        <p class="muted">When a visitor's first message makes a conversation wait, the first rule whose conditions all hold puts it in that rule's queue; when none does, it goes to its inbox's queue. Empty conditions hold always.</p>
      </div></div>
      ${a===null?o`<div class="spinner" role="status" aria-label="Loading the routing rules"></div>`:o`
        <form onSubmit=${y} aria-label="Routing rules">
          <${U} error=${s} />
          ${!a.length&&o`<p class="muted">No rules: every conversation goes to its inbox's queue.</p>`}
          <ol class="rule-list">
            ${a.map((b,v)=>o`
              <li key=${b.key} data-rule=${v}>
                <fieldset class="rule">
                  <legend>Rule ${v+1}</legend>
                  <div class="rule-grid">
                    <label class="field"><span>Queue</span>
                      <select name="queue_id" value=${b.queue_id} onChange=${f(v,"queue_id")}>
                        ${e.map(w=>o`<option value=${w.id}>${w.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Inbox</span>
                      <select name="inbox_id" value=${b.inbox_id} onChange=${f(v,"inbox_id")}>
                        <option value="">Any inbox</option>
                        ${t.map(w=>o`<option value=${w.id}>${w.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Visitor</span>
                      <select name="verified" value=${b.verified} onChange=${f(v,"verified")}>
                        <option value="">Verified or guest</option>
                        <option value="true">Verified by your site</option>
                        <option value="false">Guest</option>
                      </select></label>
                    <label class="field"><span>Contact attributes</span>
                      <input name="attributes" value=${b.attributes} onInput=${f(v,"attributes")} placeholder="plan=enterprise, language=de"
                        aria-describedby="rules-attr-help" /></label>
                    <label class="field"><span>Page URL starts with</span>
                      <input name="page_url_prefix" type="url" maxlength="2048" value=${b.page_url_prefix} onInput=${f(v,"page_url_prefix")}
                        placeholder="https://shop.example.com/pricing" /></label>
                  </div>
                  <div class="form-actions">
                    <button type="button" class="button small ghost move-up" disabled=${v===0} onClick=${()=>u(v,-1,"move-up")}
                      aria-label=${`Move up rule ${v+1}`}>Move up</button>
                    <button type="button" class="button small ghost move-down" disabled=${v===a.length-1} onClick=${()=>u(v,1,"move-down")}
                      aria-label=${`Move down rule ${v+1}`}>Move down</button>
                    <button type="button" class="button small danger-ghost" onClick=${()=>p(v)} aria-label=${`Remove rule ${v+1}`}>Remove</button>
                  </div>
                </fieldset>
              </li>`)}
          </ol>
          <small id="rules-attr-help" class="muted">Contact attributes: name=value, several separated by commas; each must equal the contact's attribute, as text.</small>
          <div class="form-actions rules-actions">
            <button type="button" class="button rules-add" onClick=${g} disabled=${!e.length}>Add rule</button>
            <button type="submit" class="button primary" disabled=${r||!d}>Save rules</button>
          </div>
        </form>`}
    </section>`}var Wl={agents:Ws,inboxes:Vs,tokens:Ks,audit:Ys,"sign-in":Qs,branding:Gs,context:Js,webhooks:Zs,apps:ei,teams:ii,queues:pi};function ui({page:e,id:t}){let a=Wl[e],n=ge.value==="admin"||e==="audit"&&ge.value==="supervisor";return o`
    <main class="pane-admin" id="main" tabindex="-1">
      ${a?n?o`<${a} id=${t} />`:o`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:o`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function P({title:e,sub:t,children:a}){return o`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&o`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${a}</div>
    </header>`}function U({error:e}){return e?o`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&o`<ul>${e.fields.map(t=>o`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}var Fl=/^[A-Za-z][A-Za-z0-9_]{0,63}$/,fi=e=>typeof e=="string"?e:JSON.stringify(e);function mi({contact:e,onDone:t}){let[a,n]=h({name:e.name||"",email:e.email||"",phone:e.phone||""}),[s,i]=h(Object.entries(e.attributes||{}).map(([p,g])=>({k:p,v:fi(g),orig:g}))),[r,l]=h(null),[d,m]=h(!1),c=p=>g=>n({...a,[p]:g.currentTarget.value}),f=(p,g)=>y=>i(s.map((b,v)=>v===p?{...b,[g]:y.currentTarget.value}:b));async function u(p){p.preventDefault();let g={};for(let y of s){let b=y.k.trim();if(b){if(!Fl.test(b)){l({message:`“${b}” is not a valid attribute name: a letter, then letters, digits or _.`});return}g[b]=y.orig!==void 0&&typeof y.orig!="string"&&y.v===fi(y.orig)?y.orig:y.v}}m(!0);try{let y=await ze(`/api/v1/contacts/${encodeURIComponent(e.id)}`,{...a,attributes:g});ce.value={...ce.value,[y.id]:y},C("Contact saved.","success"),t()}catch(y){l(y)}finally{m(!1)}}return o`
    <form class="contact-edit" onSubmit=${u} aria-label="Edit contact">
      <${U} error=${r} />
      <label class="field"><span>Name</span><input id="contact-edit-name" maxlength="200" value=${a.name} onInput=${c("name")} /></label>
      <label class="field"><span>Email</span><input type="email" id="contact-edit-email" value=${a.email} onInput=${c("email")} /></label>
      <label class="field"><span>Phone</span><input type="tel" id="contact-edit-phone" maxlength="256" value=${a.phone} onInput=${c("phone")} /></label>
      <fieldset class="field">
        <legend>Attributes</legend>
        ${s.map((p,g)=>o`
          <div class="attr-row" key=${g}>
            <input aria-label=${"Attribute "+(g+1)+" name"} class="attr-key" value=${p.k} onInput=${f(g,"k")} placeholder="name" />
            <input aria-label=${"Attribute "+(g+1)+" value"} class="attr-value" value=${p.v} onInput=${f(g,"v")} placeholder="value" />
            <button type="button" class="icon-button" aria-label=${"Remove attribute "+(p.k||g+1)}
              onClick=${()=>i(s.filter((y,b)=>b!==g))}>×</button>
          </div>`)}
        <button type="button" class="button small ghost" id="contact-add-attr" onClick=${()=>i([...s,{k:"",v:""}])}>Add attribute</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button primary small" disabled=${d}>Save</button>
        <button type="button" class="button ghost small" onClick=${t}>Cancel</button>
      </div>
    </form>`}function hi({contactId:e}){let t=`/api/v1/contacts/${encodeURIComponent(e)}/notes`,[a,n]=h(null),[s,i]=h(""),[r,l]=h(!1);_(()=>{let c=!0;return n(null),I(t).then(f=>c&&n(f.items),()=>c&&n([])),()=>{c=!1}},[e]);async function d(c){if(c.preventDefault(),!!s.trim()){l(!0);try{let f=await D(t,{body:s});n([f,...a||[]]),i("")}catch(f){k(f,"Could not save the note")}finally{l(!1)}}}async function m(c){if(confirm("Delete this note?"))try{await we(`${t}/${encodeURIComponent(c.id)}`),n(a.filter(f=>f.id!==c.id))}catch(f){k(f,"Could not delete the note")}}return o`
    <section class="panel-section" aria-labelledby="contact-notes">
      <h3 id="contact-notes">Notes <span class="muted small">· only your team sees them</span></h3>
      <form class="note-form" onSubmit=${d}>
        <label class="sr-only" for="contact-note-text">New note on this contact</label>
        <textarea id="contact-note-text" rows="2" maxlength="4000" placeholder="Add a note about this contact…"
          value=${s} onInput=${c=>i(c.currentTarget.value)}></textarea>
        <button type="submit" class="button small" disabled=${r||!s.trim()}>Add note</button>
      </form>
      ${a===null?o`<div class="spinner small" role="status" aria-label="Loading notes"></div>`:a.length>0&&o`<ul class="contact-notes">
            ${a.map(c=>o`<li key=${c.id} class="contact-note" data-note=${c.id}>
              <p class="contact-note-body">${c.body}</p>
              <div class="muted small">${c.author_name} · <time datetime=${c.created_at} title=${G(c.created_at)}>${M(c.created_at)}</time>
                <button type="button" class="link-button" aria-label=${"Delete note by "+c.author_name} onClick=${()=>m(c)}>Delete</button></div>
            </li>`)}
          </ul>`}
    </section>`}function jl(e){return String(e).split(/(?=\.)|(?<=@)/).flatMap((t,a)=>a?[o`<wbr />`,t]:[t])}var gi={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function ja({conv:e}){let t=e.contact_id,[a,n]=h(null),[s,i]=h(!1);_(()=>{i(!1),$e(t);let f=!0;return $.conversations({contact_id:t}).then(u=>{if(f){for(let p of u)p.status!=="open"&&be(p);n(u)}}).catch(()=>f&&n([])),()=>{f=!1}},[t]);let r=ce.value[t],l=se(t),d=r&&!r.missing?Object.entries(r.attributes||{}).filter(([f])=>f!=="unverified_email"):[],m=r&&!r.missing?[["Email",r.email],["Email (unverified)",r.attributes?.unverified_email],["Phone",r.phone],["External ID",r.external_id],["First seen",r.created_at&&M(r.created_at)]].filter(([,f])=>f):[],c=(a||[]).filter(f=>f.id!==e.id&&f.status!=="open");return o`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${Ee} id=${t} name=${l} size="lg" />
        <h2 id="contact-title">${l}</h2>
        ${r&&!r.missing&&(r.verified?o`<span class="verified" title="Identified by your website's back-end"><${Na} size=${14} /> Verified</span>`:o`<span class="unverified">Guest · not verified</span>`)}
        ${r&&!r.missing&&!s&&o`<button type="button" class="button small ghost" id="contact-edit" onClick=${()=>i(!0)}>Edit contact</button>`}
      </div>
      ${s&&r&&!r.missing&&o`<section class="panel-section"><${mi} contact=${r} onDone=${()=>i(!1)} /></section>`}
      ${!r&&o`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${r?.missing&&o`<p class="muted small center">Contact details are not available.</p>`}
      ${!s&&m.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${m.map(([f,u])=>o`<dt>${f}</dt><dd>${f.startsWith("Email")?jl(u):u}</dd>`)}</dl>
        </section>`}
      ${!s&&d.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${d.map(([f,u])=>o`<dt>${f}</dt><dd>${typeof u=="object"?JSON.stringify(u):String(u)}</dd>`)}</dl>
        </section>`}
      ${r&&!r.missing&&o`<${hi} contactId=${t} />`}
      <${Os} conv=${e} />
      <${Us} conv=${e} />
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${a===null?o`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:c.length===0?o`<p class="muted small">None — this is the first.</p>`:o`<ul class="mini-list">
              ${c.map(f=>o`<li key=${f.id}>
                <a href=${ae(gi[f.status],f.id)} onClick=${u=>{u.preventDefault(),j(ae(gi[f.status],f.id))}}>
                  <span class=${"status status-"+f.status}>${f.status}</span>
                  <span class="muted small">${ye(f.inbox_id)} · ${M(f.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function bi({list:e,conversation:t}){_(()=>{ms(e)},[e,Ae.value,Oe.value]),_(()=>{t?wa(t):Te.value=""},[t]);let a=rt.value[e]||[],n=ha.value&&e!=="resolved"||!fs(e),s=t?B.value[t]:null;return o`
    <${Es} list=${e} items=${a} loading=${n} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?s?o`<${Oa} key=${t} conv=${s} list=${e} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`
          <div class="empty">
            <div class="empty-icon"><${ct} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${s&&o`<${ja} key=${s.contact_id} conv=${s} />`}`}function vi({q:e=""}){let[t,a]=h(e);return _(()=>a(e),[e]),o`
    <form role="search" class="nav-search" onSubmit=${n=>{n.preventDefault();let s=t.trim();s&&j(Un(s))}}>
      <label for="search-input" class="sr-only">Search messages</label>
      <input id="search-input" type="search" class="input small" placeholder="Search messages" value=${t}
        maxlength="500" onInput=${n=>a(n.currentTarget.value)} />
    </form>`}function $i({q:e,conversation:t,seq:a}){let[n,s]=h({items:null,cursor:"",loading:!1});_(()=>{let d=!0;return s({items:null,cursor:"",loading:!0}),$.search(e).then(m=>d&&s({items:m.items||[],cursor:m.next_cursor||"",loading:!1}),m=>{d&&(s({items:[],cursor:"",loading:!1}),k(m,"Could not search"))}),()=>{d=!1}},[e]),_(()=>{t?wa(t,a):Te.value=""},[t,a]);let i=async()=>{s(d=>({...d,loading:!0}));try{let d=await $.search(e,n.cursor);s(m=>({items:[...m.items,...d.items||[]],cursor:d.next_cursor||"",loading:!1}))}catch(d){s(m=>({...m,loading:!1})),k(d,"Could not search")}},r=n.items||[],l=t?B.value[t]:null;return o`
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
          ${r.map(d=>o`<${Hl} key=${d.message.id} h=${d} q=${e} selected=${t===d.conversation_id&&a===d.message.seq} />`)}
          ${n.cursor&&o`
            <li class="conv-more"><button type="button" class="button ghost small block" disabled=${n.loading} onClick=${i}>
              ${n.loading?"Loading…":"More results"}</button></li>`}
        </ul>`}
    </section>
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?l?o`<${Oa} key=${t} conv=${l} list="search" target=${a} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`<div class="empty"><h2>Pick a result</h2><p class="muted">It opens its conversation at that message.</p></div>`}
    </main>
    ${l&&o`<${ja} key=${l.contact_id} conv=${l} />`}`}function Hl({h:e,q:t,selected:a}){let n=e.message,s=B.value[e.conversation_id];s&&$e(s.contact_id);let i=n.sender?.type==="contact"?s?se(s.contact_id):"Visitor":n.sender?.display_name||"Agent",r=Un(t,e.conversation_id,n.seq);return o`
    <li>
      <a href=${r} class=${"conv-item search-hit"+(a?" selected":"")} aria-current=${a?"true":void 0}
        data-conversation=${e.conversation_id} data-seq=${n.seq}
        onClick=${l=>{!l.metaKey&&!l.ctrlKey&&(l.preventDefault(),j(r))}}>
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${n.kind==="note"&&o`<${wt} size=${12} /> `}${i}</span>
            <time class="conv-time" datetime=${n.created_at}>${M(n.created_at)}</time>
          </span>
          <span class="search-snippet">${(e.snippet||[]).map(l=>l.match?o`<mark>${l.text}</mark>`:l.text)}</span>
        </span>
      </a>
    </li>`}var Bl="Hi! Can I help you with anything?";function Vl(e,t){let a=Math.max(0,Math.floor((t-Date.parse(e))/6e4));return a<1?"< 1 min":a<60?`${a} min`:`${Math.floor(a/60)} h ${a%60} min`}function yi(){let[e,t]=h(null),[a,n]=h([]),[s,i]=h(""),r=O(0),l=Ye(15e3),d=async()=>{try{let[u,p]=await Promise.all([I("/api/v1/visitors/online",{limit:200}),I("/api/v1/visitors/recent",{limit:50})]);t(Object.fromEntries(u.items.map(g=>[g.contact_id,g]))),n(p.items)}catch(u){k(u)}},m=()=>{clearTimeout(r.current),r.current=setTimeout(d,300)};_(()=>{let u=()=>Ce({type:"subscribe_visitors"}).then(d,()=>{});u();let p=je(g=>{if(g.type==="ready"&&u(),g.type!=="visitor")return;let y=g.visitor;t(b=>{let v={...b||{}};return g.event==="offline"?delete v[y.contact_id]:v[y.contact_id]?v[y.contact_id]={...v[y.contact_id],...y}:m(),v}),g.event==="offline"&&m()});return()=>{p(),clearTimeout(r.current),Ce({type:"unsubscribe_visitors"}).catch(()=>{})}},[]);let c=Object.values(e||{}).sort((u,p)=>Date.parse(u.since)-Date.parse(p.since)),f=En("conversations:write")||En("all");return o`
    <main class="pane-admin visitors-page" id="main" tabindex="-1">
      <${P} title="Visitors" sub="People on your site now, live, and the contacts seen recently." />
      <section class="card" aria-labelledby="visitors-online">
        <h2 id="visitors-online">On the site now ${e&&o`<span class="count" aria-label=${c.length+" visitors"}>${c.length}</span>`}</h2>
        ${e===null?o`<p class="muted" role="status">Loading…</p>`:c.length?o`
          <div class="table-wrap"><table class="table" aria-labelledby="visitors-online">
            <thead><tr><th scope="col">Visitor</th><th scope="col">Page</th><th scope="col">On site</th><th scope="col">Identity</th><th scope="col">Visits</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${c.map(u=>o`
                <tr key=${u.contact_id} data-visitor=${u.contact_id}>
                  <td class="strong">${u.name||"Guest"}${u.email&&o`<div class="muted small">${u.email}</div>`}</td>
                  <td class="details">${u.page?.url?o`<a href=${u.page.url} target="_blank" rel="noopener noreferrer" class="visitor-page">${u.page.title||u.page.url}</a>
                    <div class="muted small">${u.page.url}</div>`:o`<span class="muted">—</span>`}</td>
                  <td title=${G(u.since)}>${Vl(u.since,l)}</td>
                  <td><span class=${"tag"+(u.verified?"":" tag-muted")}>${u.verified?"Verified":"Guest"}</span></td>
                  <td><span class=${"tag"+(u.returning?"":" tag-muted")}>${u.returning?"Returning":"New"}</span></td>
                  <td>${f&&(s===u.contact_id?o`<${Kl} visitor=${u} onDone=${()=>i("")} />`:o`<button type="button" class="button small" onClick=${()=>i(u.contact_id)}
                        aria-label=${"Invite "+(u.name||"this guest")+" to chat"}>Invite</button>`)}</td>
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
              ${a.map(u=>o`
                <tr key=${u.id} data-recent=${u.id}>
                  <td class="strong">${u.name||"Guest"}${u.email&&o`<div class="muted small">${u.email}</div>`}</td>
                  <td title=${G(u.last_seen_at)}>${u.online?"On the site now":M(u.last_seen_at,l)}</td>
                  <td><span class=${"tag"+(u.verified?"":" tag-muted")}>${u.verified?"Verified":"Guest"}</span></td>
                </tr>`)}
            </tbody>
          </table></div>`:o`<p class="muted">No visit has ended yet.</p>`}
      </section>
    </main>`}function Kl({visitor:e,onDone:t}){let[a,n]=h(Bl),[s,i]=h(!1),r=O(null);_(()=>{r.current?.focus(),r.current?.select()},[]);let l=async m=>{m.preventDefault(),i(!0);try{await D(`/api/v1/visitors/${encodeURIComponent(e.contact_id)}/invitations`,{message:a}),C(`Invitation sent to ${e.name||"the guest"}.`,"success"),t()}catch(c){k(c)}finally{i(!1)}},d="invite-"+e.contact_id;return o`
    <form class="invite-form" onSubmit=${l} onKeyDown=${m=>{m.key==="Escape"&&t()}}>
      <label for=${d} class="sr-only">Invitation message</label>
      <textarea id=${d} ref=${r} rows="2" maxlength="1000" required value=${a} onInput=${m=>n(m.target.value)}></textarea>
      <div class="form-actions">
        <button type="submit" class="button small primary" disabled=${s||!a.trim()}>Send invitation</button>
        <button type="button" class="button small ghost" onClick=${t}>Cancel</button>
      </div>
    </form>`}var Gn=e=>e.toISOString().slice(0,10),Jn={workspace:"Whole workspace",agent:"Agent",inbox:"Inbox",queue:"Queue",team:"Team",label:"Label",day:"Day",hour:"Hour"},xi=Intl.DateTimeFormat().resolvedOptions().timeZone||"UTC";function Ha(e){return e?e<60?`${Math.round(e)} s`:e<3600?`${Math.round(e/60)} min`:e<86400?`${(e/3600).toFixed(1)} h`:`${(e/86400).toFixed(1)} d`:"—"}function Yl({rows:e,label:t}){if(!e.length)return null;let a=Math.max(1,...e.map(l=>l.conversations)),n=24,s=6,i=120,r=e.reduce((l,d)=>l+d.conversations,0);return o`
    <figure class="report-chart">
      <svg role="img" aria-labelledby="report-chart-title" width=${e.length*(n+s)} height=${i+4}
        viewBox=${`0 0 ${e.length*(n+s)} ${i+4}`}>
        <title id="report-chart-title">Conversations per ${t.toLowerCase()}: ${r} in ${e.length} ${t.toLowerCase()}${e.length===1?"":"s"}, at most ${a}</title>
        ${e.map((l,d)=>{let m=Math.max(2,Math.round(l.conversations/a*i));return o`<rect class="report-chart-bar" data-key=${l.key} x=${d*(n+s)} y=${i-m} width=${n} height=${m}>
            <title>${l.key}: ${l.conversations}</title></rect>`})}
      </svg>
      <figcaption class="muted">Conversations per ${t.toLowerCase()} (${xi}); the table below has every number.</figcaption>
    </figure>`}function _i(){let e=new Date,[t,a]=h({from:Gn(new Date(e.getTime()-6*864e5)),to:Gn(e),group_by:"workspace",hours:!1}),[n,s]=h(null),[i,r]=h(null),[l,d]=h({label:{},queue:{},team:{}});_(()=>{let b=v=>Object.fromEntries((v||[]).map(w=>[w.id,w.name]));Promise.all([$.labels().then(v=>v.items,()=>[]),$.queues().catch(()=>[]),$.teams().catch(()=>[])]).then(([v,w,T])=>d({label:b(v),queue:b(w),team:b(T)}))},[]);let m={from:t.from,to:Gn(new Date(Date.parse(t.to)+864e5)),group_by:t.group_by,tz:xi,...t.hours?{business_hours:"true"}:{}},c=new URLSearchParams(m).toString();_(()=>{let b=!0;return r(null),I("/api/v1/reports/conversations",m).then(v=>b&&s(v),v=>b&&(s(null),r(v))),()=>{b=!1}},[c]);let f=b=>v=>a({...t,[b]:v.currentTarget.type==="checkbox"?v.currentTarget.checked:v.currentTarget.value}),u=b=>{let v=t.group_by;return v==="workspace"?"All conversations":v==="day"||v==="hour"?v==="hour"?b.replace("T"," ")+":00":b:b?v==="agent"?Ke(b):v==="inbox"?ye(b):l[v]?.[b]||b:v==="agent"?"Nobody":"None"},p=n?.rows||[],g=Math.max(1,...p.map(b=>b.conversations)),y=t.group_by==="day"||t.group_by==="hour";return o`
    <main class="pane-admin" id="main" tabindex="-1">
      <${P} title="Reports" sub="Conversations started in the range, how fast they were answered and resolved, and what visitors thought." />
      <form class="report-filters field-row" onSubmit=${b=>b.preventDefault()}>
        <label class="field"><span>From</span><input type="date" id="report-from" value=${t.from} max=${t.to} onChange=${f("from")} /></label>
        <label class="field"><span>To</span><input type="date" id="report-to" value=${t.to} min=${t.from} onChange=${f("to")} /></label>
        <label class="field"><span>Split by</span>
          <select id="report-group" value=${t.group_by} onChange=${f("group_by")}>
            ${Object.entries(Jn).map(([b,v])=>o`<option value=${b}>${v}</option>`)}
          </select></label>
        <label class="check"><input type="checkbox" id="report-hours" checked=${t.hours} onChange=${f("hours")} />
          Count times within business hours only</label>
        <a class="button ghost small" id="report-csv" href=${"/api/v1/reports/conversations.csv?"+c} download>Download CSV</a>
      </form>
      ${i&&o`<div class="form-error" role="alert">${i.message}</div>`}
      ${!n&&!i?o`<div class="spinner" role="status" aria-label="Loading the report"></div>`:n&&o`
        ${y&&o`<${Yl} rows=${p} label=${Jn[t.group_by]} />`}
        <div class="table-wrap">
          <table class="table report-table" aria-label="Report">
            <thead><tr>
              <th scope="col">${Jn[t.group_by]}</th><th scope="col">Conversations</th><th scope="col">Resolved</th>
              <th scope="col">Abandoned</th>
              <th scope="col">First response (median · p90)</th><th scope="col">Resolution (median · p90)</th>
              <th scope="col">CSAT</th><th scope="col">Rated</th>
            </tr></thead>
            <tbody>
              ${p.map(b=>o`
                <tr key=${b.key} data-key=${b.key}>
                  <th scope="row">${u(b.key)}</th>
                  <td class="report-count"><span class="report-bar" aria-hidden="true" style=${`width:${Math.round(b.conversations/g*60)}px`}></span>${b.conversations}</td>
                  <td>${b.resolved}</td>
                  <td class="report-abandoned">${b.abandoned}</td>
                  <td class="report-first">${Ha(b.first_response.median_seconds)} · ${Ha(b.first_response.p90_seconds)}</td>
                  <td>${Ha(b.resolution.median_seconds)} · ${Ha(b.resolution.p90_seconds)}</td>
                  <td class="report-csat">${b.csat_responses?`${b.csat_average.toFixed(1)} / 5`:"—"}</td>
                  <td>${b.csat_responses?`${b.csat_responses} (${Math.round(b.csat_response_rate*100)} %)`:"0"}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`}
    </main>`}var wi="parley.console.alertAfter",Ql=[30,60,120,300,600,1800],Gl=1e4,Jl=1e3;function Zn(e){if(e=Math.max(0,Math.floor(e)),e<60)return`${e} s`;let t=Math.floor(e/60);return t<60?`${t} min ${String(e%60).padStart(2,"0")} s`:`${Math.floor(t/60)} h ${String(t%60).padStart(2,"0")} min`}var Ba=e=>e<60?`${e} s`:`${e/60} min`,Zl={online:"Online",away:"Away",offline:"Offline"};function ki(){let[e,t]=h(()=>Number(localStorage.getItem(wi))||120),[a,n]=h(null),[s,i]=h(null),r=Ye(1e3),l=O(0),d=O(0),m=O(0),c=O(e);c.current=e;let f=async()=>{let v=++l.current;d.current=Date.now();try{let w=await I("/api/v1/supervisor/overview",{alert_after:c.current});v===l.current&&(n({overview:w,at:Date.now()}),i(null))}catch(w){v===l.current&&i(w)}},u=()=>{m.current||(m.current=setTimeout(()=>{m.current=0,f()},Math.max(0,Jl-(Date.now()-d.current))))};_(()=>{let v=je(T=>{["conversation","event","message","ready"].includes(T.type)&&u()}),w=setInterval(f,Gl);return()=>{v(),clearInterval(w),clearTimeout(m.current),m.current=0}},[]),_(()=>{f()},[e]);let p=a?.overview,g=a?Math.max(0,(r-a.at)/1e3):0,y=v=>p?.queues.find(w=>w.id===v)?.name||"Queue",b=v=>w=>{w.metaKey||w.ctrlKey||(w.preventDefault(),j(ae("queue",v)))};return o`
    <main class="pane-admin supervisor-page" id="main" tabindex="-1">
      <${P} title="Supervisor" sub="Queues and agents now, live. Conversations waiting too long are flagged.">
        <label class="field field-inline"><span>Alert after</span>
          <select id="alert-after" aria-label="Alert after" value=${e} onChange=${v=>{let w=Number(v.currentTarget.value);localStorage.setItem(wi,String(w)),t(w)}}>
            ${Ql.map(v=>o`<option value=${v}>${Ba(v)}</option>`)}
          </select></label>
      <//>
      ${s&&o`<div class="form-error" role="alert">${s.message}</div>`}
      ${p?o`
        <section class=${"card sup-alerts"+(p.alerts_total?" sup-alerts-on":"")} aria-labelledby="sup-alerts">
          <h2 id="sup-alerts">Waiting longer than ${Ba(p.alert_after_seconds)}
            <span class=${"badge "+(p.alerts_total?"badge-danger":"badge-quiet")} data-alerts=${p.alerts_total}>${p.alerts_total}</span></h2>
          <p class="sr-only" role="status" aria-live="polite">${p.alerts_total===1?"1 conversation is":`${p.alerts_total} conversations are`} waiting longer than ${Ba(p.alert_after_seconds)}.</p>
          ${p.alerts.length?o`
            <div class="table-wrap"><table class="table" aria-labelledby="sup-alerts">
              <thead><tr><th scope="col">Visitor</th><th scope="col">Queue</th><th scope="col">Waiting</th><th scope="col">Priority</th></tr></thead>
              <tbody>
                ${p.alerts.map(v=>o`
                  <tr key=${v.conversation_id} data-alert=${v.conversation_id} class="sup-alert-row">
                    <th scope="row"><a href=${ae("queue",v.conversation_id)} onClick=${b(v.conversation_id)}>${v.contact_name||"Guest"}</a></th>
                    <td>${y(v.queue_id)}</td>
                    <td class="sup-wait">${Zn(v.wait_seconds+g)}</td>
                    <td>${v.priority?Bn[v.priority]||v.priority:"—"}</td>
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
              ${p.queues.map(v=>o`
                <tr key=${v.id} data-queue=${v.id} class=${v.alerts?"sup-over":""}>
                  <th scope="row">${v.name}${v.default&&v.name.toLowerCase()!=="default"&&o` <span class="tag tag-muted">Default</span>`}</th>
                  <td data-col="waiting">${v.waiting}${v.alerts>0&&o` <span class="tag tag-bad">${v.alerts} over ${Ba(p.alert_after_seconds)}</span>`}</td>
                  <td data-col="longest" class="sup-wait">${v.waiting?Zn(v.longest_wait_seconds+g):"—"}</td>
                  <td data-col="assigned">${v.assigned}</td>
                  <td data-col="online">${v.agents_online}</td>
                  <td data-col="away">${v.agents_away}</td>
                  <td data-col="offline">${v.agents_offline}</td>
                  <td data-col="capacity">${v.agents_at_capacity}</td>
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
              ${p.agents.map(v=>o`
                <tr key=${v.id} data-agent=${v.id}>
                  <th scope="row">${v.name}</th>
                  <td data-col="presence"><span class=${"presence-dot p-"+v.presence} aria-hidden="true"></span> ${Zl[v.presence]||v.presence}</td>
                  <td data-col="open">${v.open_conversations}${v.open_offers>0&&o` <span class="muted small">+ ${v.open_offers} offered</span>`}</td>
                  <td data-col="capacity">${v.capacity||"No limit"}${v.at_capacity&&o` <span class="tag tag-bad">Full</span>`}</td>
                  <td data-col="reply">${v.seconds_since_last_reply==null?o`<span class="muted">—</span>`:`${Zn(v.seconds_since_last_reply+g)} ago`}</td>
                </tr>`)}
            </tbody>
          </table></div>
        </section>`:!s&&o`<div class="spinner" role="status" aria-label="Loading the live view"></div>`}
    </main>`}function Xn(){return o`
    <div class="toasts" role="status" aria-live="polite">
      ${yt.value.map(e=>o`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>qn(e.id)}><${kt} size=${16} /></button>
        </div>`)}
    </div>`}var Si=te(()=>{let e=Object.values(pe.value);return e.sort((t,a)=>t.offered_at<a.offered_at?-1:t.offered_at>a.offered_at?1:0),e[0]||null}),eo=new Set;function Vt(e){let t=Si.value;if(!t)return!1;let a=t.conversation_id;return eo.has(a)||(eo.add(a),gs(a,e).then(n=>{e&&n?.status==="assigned"&&j(ae("mine",a))}).finally(()=>eo.delete(a))),!0}var Ci=e=>Math.max(0,Math.ceil((e.deadline-Date.now())/1e3));function Xl(e){let t=e?.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||!!e?.isContentEditable}function Ti(){let e=Si.value,[,t]=h(0),a=O(null);_(()=>{if(!e)return;let d=setInterval(()=>{Ci(e)<=0&&Ft(e.conversation_id),t(m=>m+1)},250);return()=>clearInterval(d)},[e?.id]),_(()=>{e&&a.current&&!Xl(document.activeElement)&&a.current.focus()},[e?.id]);let n=e&&B.value[e.conversation_id],s=n?se(n.contact_id):"A visitor",i=e&&de.value[e.conversation_id],r=n?ye(n.inbox_id):"",l=Object.keys(pe.value).length-1;return o`
    <div class="sr-only" aria-live="assertive">${e?`Conversation offered to you: ${s}. Press a to accept, d to decline.`:""}</div>
    ${e&&o`
      <div class="offer-prompt" role="alertdialog" aria-labelledby="offer-title" aria-describedby="offer-desc" data-offer=${e.conversation_id} data-offer-id=${e.id}>
        <h2 id="offer-title">Conversation offered to you</h2>
        <div id="offer-desc">
          <p><span class="offer-visitor strong">${s}</span>${r&&o` <span class="muted">in ${r}</span>`}</p>
          ${i?.body&&o`<blockquote class="offer-message">${i.body.length>200?i.body.slice(0,200)+"…":i.body}</blockquote>`}
        </div>
        <p class="offer-countdown"><span class="offer-seconds">${Ci(e)}</span> s left to answer${l>0?` · ${l} more waiting`:""}</p>
        <div class="offer-actions">
          <button type="button" class="button primary" ref=${a} aria-keyshortcuts="a" onClick=${()=>Vt(!0)}>
            Accept <kbd aria-hidden="true">a</kbd></button>
          <button type="button" class="button" aria-keyshortcuts="d" onClick=${()=>Vt(!1)}>
            Decline <kbd aria-hidden="true">d</kbd></button>
        </div>
      </div>`}`}var Qe=A(!1),ec=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["l","Add a label"],["a","Accept the conversation offered to you"],["d","Decline the conversation offered to you"],["/","Insert a canned response (in the reply box)"],["1 – 4","Queue, Mine, All open, Resolved"],["5","Snoozed"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],Va=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function Ai(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function Ii(e){let t=lt.value;if(t.section!=="inbox")return;let a=rt.value[t.list]||[];if(!a.length)return;let n=a.findIndex(s=>s.id===t.conversation);n=n<0?e>0?0:a.length-1:Math.min(a.length-1,Math.max(0,n+e)),j(ae(t.list,a[n].id))}function Ei(){_(()=>{let e=t=>{if(!Y.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&Ai(document.activeElement)){document.activeElement.blur();return}if(Ai(t.target)||Qe.value)return;let a={1:"queue",2:"mine",3:"open",4:"resolved",5:"snoozed"};switch(t.key){case"j":Ii(1);break;case"k":Ii(-1);break;case"r":Va("reply");break;case"n":Va("note");break;case"l":{let n=document.getElementById("add-label");n&&(t.preventDefault(),n.focus());break}case"t":Va("take");break;case"a":if(!Vt(!0))return;break;case"d":if(!Vt(!1))return;break;case"e":Va("resolve");break;case"?":Qe.value=!0;break;default:if(a[t.key]){j(ae(a[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function Ni(){let e=O(null);return _(()=>{let t=e.current;t&&(Qe.value&&!t.open&&t.showModal(),!Qe.value&&t.open&&t.close())},[Qe.value]),o`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{Qe.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${ec.map(([t,a])=>o`<tr><td><kbd>${t}</kbd></td><td>${a}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var ao="parley.console.activeAt",Ct="parley.console.idleAway",qe=A(!1),Ka=A(0),Di=Promise.resolve();function Qt(e){Ka.value++;let t=Di.then(()=>$.presence(e));return Di=t.catch(()=>{}).finally(()=>{Ka.value--}),t}var Kt=0,no=0,Ya=0,qi=0,Yt=()=>"online",oo=()=>{},Ri=["keydown","pointerdown","pointermove","wheel","focus"];function Pi(e,t,a){if(zi(),Yt=t,oo=a,qe.value=localStorage.getItem(Ct)==="1",Kt=Math.max(0,Number(e)||0)*1e3,!Kt){qe.value&&Oi();return}for(let n of Ri)window.addEventListener(n,Li,{capture:!0,passive:!0});document.addEventListener("visibilitychange",Mi),window.addEventListener("storage",Fi),no=setInterval(tc,Math.min(15e3,Math.max(250,Kt/4))),ro(!0)}function so(){zi(),io()}function zi(){clearInterval(no),no=0;for(let e of Ri)window.removeEventListener(e,Li,{capture:!0});document.removeEventListener("visibilitychange",Mi),window.removeEventListener("storage",Fi)}function io(){localStorage.removeItem(Ct),qe.value=!1}function Mi(){document.hidden||ro(!0)}function Li(e){ro(e.type!=="pointermove"||Date.now()-Ya>250)}function ro(e){if(!e)return;let t=Date.now();Ya=t,t-qi>=1e3&&(qi=t,localStorage.setItem(ao,String(t))),qe.value&&Oi()}var to=!1;function tc(){if(to||qe.value||Yt()!=="online")return;let e=Math.max(Ya,Number(localStorage.getItem(ao))||0),t=Date.now();t-e<Kt||(to=!0,Qt("away").then(()=>{if(Yt()!=="online")return;Math.max(Ya,Number(localStorage.getItem(ao))||0)>t?Ui():Wi(!0)},a=>{a?.status===401&&so()}).finally(()=>{to=!1}))}function Oi(){Wi(!1),Yt()==="online"&&Ui()}function Ui(){Qt("online").catch(()=>{localStorage.setItem(Ct,"1"),qe.value=!0})}function Wi(e){e?localStorage.setItem(Ct,"1"):localStorage.removeItem(Ct),ji(e)}function Fi(e){e.key===Ct&&ji(e.newValue==="1")}function ji(e){qe.value!==e&&(qe.value=e,e?(oo("away"),C(`You are away: no activity for ${ac(Kt/1e3)}. You will be online again when you come back.`)):Yt()==="online"&&(oo("online"),C("Welcome back: you are online again.")))}function ac(e){return e%3600===0?e===3600?"1 hour":`${e/3600} hours`:e%60===0?e===60?"1 minute":`${e/60} minutes`:e===1?"1 second":`${e} seconds`}var nc=[["online","Online"],["away","Away"],["offline","Offline"]],Ge=A(""),Bi="parley.console.presence",Hi=()=>localStorage.getItem(Bi)||"online";function Vi(){Yi(Hi(),!0),Pi(Y.value?.away_after_seconds,Hi,e=>{Ge.value=e})}async function Ki(){so();try{await Qt("offline")}catch{}Ge.value=""}async function Yi(e,t){let a=Ge.value;Ge.value=e,t||(localStorage.setItem(Bi,e),io());try{let n=await Qt(e);n?.status?Ge.value=n.status:n?.presence&&(Ge.value=n.presence)}catch(n){Ge.value=a,t||k(n,"Could not change your status")}}function Qi({onLogout:e}){let t=Y.value?.agent||{},a=Ge.value||t.presence||"offline";return o`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${Ee} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+a} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence" aria-busy=${Ka.value>0?"true":"false"}>
        <legend class="sr-only">Your status</legend>
        ${nc.map(([n,s])=>o`
          <label class=${"presence-option"+(a===n?" checked":"")}>
            <input type="radio" name="presence" value=${n} checked=${a===n}
              onChange=${()=>Yi(n)} />
            <span class=${"presence-dot p-"+n} aria-hidden="true"></span>${n==="away"&&qe.value?"Away (idle)":s}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${He.value!=="granted"&&He.value!=="unsupported"?o`
          <button type="button" class="button ghost small" onClick=${async()=>{await as(),He.value==="granted"?C("Notifications are on.","success"):He.value==="denied"&&C("Notifications are blocked in your browser settings.","error")}}><${_s} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${Mt.value} onChange=${n=>ns(n.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{Qe.value=!0}} aria-keyshortcuts="?">
            <${Cs} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${ws} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var oc={queue:Sa,mine:Ta,open:ct,snoozed:Da,resolved:Aa};function Gi(){if(_(()=>{On()},[]),_(()=>{Y.value&&(ys(),hs(),Vi())},[Y.value?.agent?.id]),Ei(),!In.value)return o`<div class="splash" role="status" aria-live="polite"><${Ra} /><span class="sr-only">Loading…</span></div>`;if(!Y.value)return o`<${Ts} onLoggedIn=${async()=>{await On(),!lt.value.list&&lt.value.section!=="admin"&&j(ae("queue"),{replace:!0})}} /><${Xn} />`;let e=lt.value;return o`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${sc} />
      ${e.section==="admin"?o`<${ui} page=${e.page} id=${e.id} />`:e.section==="visitors"?o`<${yi} />`:e.section==="reports"?o`<${_i} />`:e.section==="supervisor"?o`<${ki} />`:e.section==="search"?o`<${$i} q=${e.q} conversation=${e.conversation} seq=${e.seq} />`:o`<${bi} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${Ti} />
    <${Ni} />
    <${Xn} />`}function sc(){let e=lt.value,t=rt.value,a={queue:t.queue.length,mine:t.mine.length,open:t.open.length,snoozed:null,resolved:null},n=t.mine.reduce((l,d)=>l+(re.value[d.id]||0),0),s=ge.value==="admin",i=s||ge.value==="supervisor",r=(l,d,m,c,f)=>o`
    <li><a href=${l} class=${"nav-link"+(c?" active":"")} aria-current=${c?"page":void 0}
      onClick=${u=>{!u.metaKey&&!u.ctrlKey&&(u.preventDefault(),j(l))}}>
      <${m} /><span class="nav-label">${d}</span>${f}</a></li>`;return o`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${Pa} /></div>
      <${ic} />
      <${vi} q=${e.section==="search"?e.q:""} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","snoozed","resolved"].map(l=>r(ae(l),Bt[l],oc[l],e.section==="inbox"&&e.list===l,o`${l==="mine"&&n>0?o`<span class="badge badge-accent" aria-label=${n+" unread"}>${n}</span>`:a[l]?o`<span class="count" aria-label=${a[l]+" conversations"}>${a[l]}</span>`:null}`))}
        ${r(`${z}/visitors`,"Visitors",Ia,e.section==="visitors")}
      </ul>
      ${i&&o`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${s&&r(`${z}/admin/agents`,"Agents",Ia,e.section==="admin"&&e.page==="agents")}
          ${s&&r(`${z}/admin/inboxes`,"Inboxes",Fn,e.section==="admin"&&e.page==="inboxes")}
          ${s&&r(`${z}/admin/teams`,"Teams",Ia,e.section==="admin"&&e.page==="teams")}
          ${s&&r(`${z}/admin/queues`,"Queues",Ht,e.section==="admin"&&e.page==="queues")}
          ${s&&r(`${z}/admin/tokens`,"API tokens",Wn,e.section==="admin"&&e.page==="tokens")}
          ${s&&r(`${z}/admin/sign-in`,"Sign-in",Wn,e.section==="admin"&&e.page==="sign-in")}
          ${s&&r(`${z}/admin/branding`,"Branding",Fn,e.section==="admin"&&e.page==="branding")}
          ${s&&r(`${z}/admin/context`,"Customer data",Ht,e.section==="admin"&&e.page==="context")}
          ${s&&r(`${z}/admin/webhooks`,"Webhooks",Ea,e.section==="admin"&&e.page==="webhooks")}
          ${s&&r(`${z}/admin/apps`,"Apps",Na,e.section==="admin"&&e.page==="apps")}
          ${r(`${z}/admin/audit`,"Audit log",Ht,e.section==="admin"&&e.page==="audit")}
          ${r(`${z}/supervisor`,"Supervisor",ct,e.section==="supervisor")}
          ${r(`${z}/reports`,"Reports",Ht,e.section==="reports")}
        </ul>`}
      <div class="nav-foot">
        <${Qi} onLogout=${async()=>{await Ki();let l=await I("/api/v1/auth/options").catch(()=>null);try{await Yo()}catch(d){k(d)}Ss({endSessionURL:l?.oidc?.end_session_url||""}),ya(),C("You are signed out.","info")}} />
      </div>
    </nav>`}function ic(){let e=at.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return o`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&o`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${Jo}><${qa} size=${14} /></button>`}
    </div>`}Vo(()=>{Y.value&&(ya(),C("Your session has ended. Please sign in again.","error"))});rn(o`<${Gi} />`,document.getElementById("app"));

var k,Dn,Jt,he,Yt,ht,Un,mt,On,Xt,Gt,Aa,Ze=Symbol.for("pv"),vt={},bt=[],Ea=/^m(i|n|o|s|text|space)$/,Qt=Array.isArray,Zt=bt.slice,Se=Object.assign;function Ce(e){e&&e.parentNode&&e.remove()}function et(e,t,n){var o,i,a,r={},s=arguments.length;for(a in t)a=="key"?o=t[a]:a=="ref"&&typeof e!="function"?i=t[a]:r[a]=t[a];return s>2&&(r.children=s>3?Zt.call(arguments,2):n),Qe(e,r,o,i,null)}function Qe(e,t,n,o,i){var a={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Ze,__v:i||++Dn,__i:-1,__u:0};return!i&&k.vnode&&k.vnode(a),a}function Ae(e){return e.children}function Te(e,t){this.props=e,this.context=t,this.__g=0}function ve(e,t){if(t==null)return e.__&&ve(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:ve(e)}function Pa(e){var t,n=e.__v,o=n.__e,i=[],a=[],r=e.__P;r&&((t=Se({constructor:Ze},n)).__v=n.__v+1,k.vnode&&k.vnode(t),en(r,t,n,e.__n,r.namespaceURI,32&n.__u?[o]:null,i,o||ve(n),32&n.__u,a),t.__v=n.__v,t.__.__k[t.__i]=t,Vn(i,t,a),n.__=n.__e=null,t.__e!=o&&jn(t))}function jn(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),jn(e)}function qn(e){(8&e.__g||(e.__g|=8,he.push(e),ht++))&&Yt==k.debounceRendering||((Yt=k.debounceRendering)||queueMicrotask)(Hn)}function Hn(){try{for(var e,t=1;he.length;)he.length>t&&he.sort(Un),e=he.shift(),t=he.length,8&e.__g&&Pa(e)}finally{(ht=he.length)&&(Yt||queueMicrotask)(Hn)}}function Bn(e,t,n,o,i,a,r,s,d,u,c){var f,m,p,g,v,x,S=o.__k||bt,y=t.length;for(d=Ma(n,t,S,d,y),f=0;f<y;f++)(p=n.__k[f])!=null&&(m=~p.__i&&S[p.__i]||vt,p.__i=f,x=en(e,p,m,i,a,r,s,d,u,c),g=p.__e,(m.ref!=p.ref||8&m.__u)&&(m.ref&&tn(m.ref,null,p,m),p.ref&&c.push(p.ref,p.__c||g,p)),v=v||g,4&p.__u?(d=Fn(p,d,e,!m.__v),m.__e&&(m.__e=null)):typeof p.type=="function"&&x!==void 0?d=x:g&&(d=g.nextSibling),p.__u&=-21);return n.__e=v,d}function Ma(e,t,n,o,i){var a,r,s,d,u,c,f,m,p,g=n.length,v=g,x=0,S=0,y=e.__k=Array(i);for(a=0;a<i;a++)(r=t[a])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=y[a]=Qe(null,r):Qt(r)?r=y[a]=Qe(Ae,{children:r}):r.constructor===Ze&&r.__b?r=y[a]=Qe(r.type,r.props,r.key,r.ref,r.__v):y[a]=r,d=a+x,r.__=e,r.__b=e.__b+1,s=null,~(u=r.__i=Na(r,n,d,v))&&(v--,(s=n[u])&&(s.__u|=2)),s&&s.__v?(r.__u|=16,u==d-1?x--:u==d+1?x++:u!=d&&(u>d?x--:x++,S=1)):(~u||(i>g?x--:i<g&&x++),typeof r.type!="function"&&(r.__u|=4))):y[a]=null;if(S){for(c=[],f=[],a=0;a<i;a++)if((r=y[a])&&16&r.__u){for(x=0,m=c.length;x<m;)c[p=x+m>>1]<r.__i?x=p+1:m=p;c[x]=r.__i,f[a]=x+1}for(x=c.length;a--;)f[a]&&(f[a]==x?x--:y[a].__u|=4)}if(v)for(a=0;a<g;a++)!(s=n[a])||2&s.__u||(s.__e==o&&(o=ve(s)),nn(s,s));return o}function Fn(e,t,n,o){var i,a,r,s;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=Fn(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=ve(e))&&!t.parentNode&&(t=null),r=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(r!=s&&(!o&&n.moveBefore&&r.parentNode?n.moveBefore(r,t):n.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function Na(e,t,n,o){var i,a=e.key,r=e.type,s=t[n],d=s&&!(2&s.__u);if(s===null&&a==null||d&&a==s.key&&r==s.type)return n;if(o>(d?1:0)){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&r==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&r==s.type)return i}return-1}function Rn(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function ft(e,t,n,o,i){var a,r;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||Rn(e.style,t);if(n)for(t in n)o&&n[t]==o[t]||Rn(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof o!="function"&&(o=null),(e.__e||(e.__e={}))[t]=n,n&&o||(r=Gt[t]||(Gt[t]=Ia(t)),(e.__a||(e.__a={}))[t]=Xt,a=t!=(t=t.replace(On,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,r,a):e.removeEventListener(t,r,a));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function Ia(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[mt]==null)t[mt]=Xt++;else if(t[mt]<this.__a[e])return;return n(k.event?k.event(t):t)}}}function en(e,t,n,o,i,a,r,s,d,u){var c,f,m,p,g,v,x,S,y,E,T,b,P,U,ae,Ln,ge,ke,ie=t.type;if(t.constructor!==Ze)return null;128&n.__u&&(d=32&n.__u,c=n.__c.__z)&&(t.__u|=d,f=a=[],c.nodeType==8?s=gt(c,a):a.push(c),s=a[0]||s),(c=k.__b)&&c(t);e:if(typeof ie=="function"){m=r.length;try{if(S=t.props,y=(c=ie.prototype)&&c.render,E=(c=ie.contextType)&&o[c.__c],T=c?E?E.props.value:c.__:o,(p=n.__c)?(t.__c=p,2&p.__g&&(p.__g|=1)):(y?t.__c=p=new ie(S,T):(t.__c=p=new Te(S,T),p.constructor=ie,p.render=La),E&&E.sub(p),p.state||(p.state={}),p.__n=o,p.__g|=8,p.__h=[],p.__k=[]),y&&(p.__s||(p.__s=p.state),ie.getDerivedStateFromProps&&(p.__s==p.state&&(p.__s=Se({},p.__s)),Se(p.__s,ie.getDerivedStateFromProps(S,p.__s)))),g=p.props,v=p.state,p.__v=t,n.__c){if(S!==g&&y&&!ie.getDerivedStateFromProps&&p.componentWillReceiveProps&&p.componentWillReceiveProps(S,T),t.__v==n.__v&&!(8&p.__g)||!(4&p.__g)&&p.shouldComponentUpdate&&p.shouldComponentUpdate(S,p.__s,T)===!1){t.__v!=n.__v&&(p.props=S,p.state=p.__s,p.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(F){F&&(F.__=t)}),bt.push.apply(p.__h,p.__k),p.__k=[],p.__h.length&&r.push(p),s=ve(n);break e}p.componentWillUpdate&&p.componentWillUpdate(S,p.__s,T),y&&p.componentDidUpdate&&p.__h.push(function(){p.componentDidUpdate(g,v,x)})}else y&&!ie.getDerivedStateFromProps&&p.componentWillMount&&p.componentWillMount(),y&&p.componentDidMount&&p.__h.push(p.componentDidMount);p.context=T,p.props=S,p.__P=e,p.__g&=-5,b=k.__r,P=y?25:0;do p.__g&=-9,b&&b(t),c=p.render(p.props,p.state=p.__s,p.context);while(8&p.__g&&++P<25);y&&(bt.push.apply(p.__h,p.__k),p.__k=[]),p.state=p.__s,p.getChildContext&&(o=Se({},o,p.getChildContext())),y&&n.__c&&p.getSnapshotBeforeUpdate&&(x=p.getSnapshotBeforeUpdate(g,v)),U=c&&c.type===Ae&&c.key==null?c.props.children:c,S.__P&&(c=s,i=(e=S.__P).namespaceURI,d=a=null,n.props&&n.props.__P!=e&&(n.__k.some(function(F){F&&nn(F,F)}),n.__k=null),s=n.__k?ve(n,0):null),s=Bn(e,Qt(U)?U:[U],t,n,o,i,a,r,s,d,u),S.__P&&(t.__e=null,s=c),t.__u&=-161,f&&f.some(Ce),p.__h.length&&r.push(p),1&p.__g&&(p.__g&=-4)}catch(F){if(r.length=m,t.__v=null,d||a)if(F&&F.then){if(t.__u|=128|d,a){for(~(ge=a.indexOf(s||void 0))||(ge=a.length);(ke=a[ge-1])&&ke.nodeType==8;)ge--;for(;ge<a.length;ge++)if(ke=a[ge])if(a[ge]=null,ae){if(ke==Ln)break}else{if(ke.nodeType!=8)break;ke.data.startsWith("$s")&&(Ln=gt(ae=ke))}}if(!ae){for(;s&&s.nodeType==8&&s.nextSibling;)s=s.nextSibling;ae=s}(c=gt(ae=t.__c.__z||(t.__c.__z=ae)))?(t.__e=ae,s=c):t.__e=s,s=s&&s.nextSibling}else a&&a.some(Ce);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),F&&F.then||Wn(t),k.__e(F,t,n)}}else s=t.__e=za(n.__e,t,n,o,i,a,r,d,u,e);return(c=k.diffed)&&c(t),s}function gt(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Wn(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Wn))}function Vn(e,t,n){for(var o=0;o<n.length;)tn(n[o++],n[o++],n[o++]);k.__c&&k.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(a){a.call(i)})}catch(a){k.__e(a,i.__v)}})}function za(e,t,n,o,i,a,r,s,d,u){var c,f,m,p,g,v,x,S,y=n.props||vt,E=t.props,T=t.type;if(T=="svg"?i="http://www.w3.org/2000/svg":T=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),a){for(c=0;c<a.length;c++)if((g=a[c])&&(T?g.localName==T:g.nodeType==3)){e=g,a[c]=null;break}}if(!e){if(S=u.ownerDocument||document,!T)return S.createTextNode(E);e=S.createElementNS(i,T,E.is?E:u),s&&(k.__m&&k.__m(t,a),s=!1),a=null}if(T){if(u=T=="template"&&e.content||e,a=T=="textarea"&&E.defaultValue!=null?null:a&&Zt.call(u.childNodes),!s&&a)for(y={},c=0;c<e.attributes.length;c++)y[(g=e.attributes[c]).name]=g.value;for(c in y)g=y[c],c=="dangerouslySetInnerHTML"?m=g:c=="children"||c in E||c=="value"&&"defaultValue"in E||c=="checked"&&"defaultChecked"in E||ft(e,c,null,g,i);for(c in E)g=E[c],c=="children"?p=g:c=="dangerouslySetInnerHTML"?f=g:c=="value"?v=g:c=="checked"?x=g:s&&typeof g!="function"||y[c]===g||ft(e,c,g,y[c],i);f?(s||m&&(f.__html==m.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[]):(m&&(e.textContent=""),(T=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&Ea.test(T))&&(i="http://www.w3.org/1999/xhtml"),Bn(u,Qt(p)?p:[p],t,n,o,i,a,r,a?a[0]:n.__k&&ve(n,0),s,d),a&&a.some(Ce)),s&&T!="textarea"||(c="value",T=="progress"&&v==null?e.removeAttribute(c):v==null||v===e[c]&&(T!="progress"||v)||ft(e,c,v,y[c],i),c="checked",x!=null&&x!=e[c]&&ft(e,c,x,y[c],i))}else y===E||s&&e.data==E||(e.data=E);return e}function tn(e,t,n,o){try{typeof e=="function"?t?t.__x=e(t)||1:o&&(o=o.__c||o.__e)&&(t=o.__x)&&(o.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){k.__e(i,n)}}function nn(e,t,n){var o,i,a,r;if(k.unmount&&k.unmount(e),!(o=e.ref)||o.current&&o.current!=e.__e||tn(o,null,t,e),o=e.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(s){k.__e(s,t)}o.__P=o.__n=null}if(o=e.__k)for(r=0;r<o.length;r++)o[r]&&nn(o[r],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(o=e.__c)&&(o=o.__z)&&(i=gt(o,a=[]))&&(o==e.__e&&a.some(Ce),Ce(i),Ce(o)),n||Ce(e.__e),e.__e=e.__c=e.__=null}function La(e,t,n){return this.constructor(e,n)}function on(e,t){var n,o,i,a;k.__&&k.__(e,t),t.nodeType==9&&(t=t.documentElement),o=(n=e&&32&e.__u)?null:t.__k,t.__k=Qe(Ae,{children:[e]}),i=[],a=[],en(t,t.__k,o||vt,vt,t.namespaceURI,o?null:t.firstChild?Zt.call(t.childNodes):null,i,o?o.__e:t.firstChild,n,a),Vn(i,t.__k,a),t.__k.props.children=null}k={__e:function(e,t,n,o){for(var i,a,r;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((r=(a=i.constructor)&&a.getDerivedStateFromError)&&i.setState(a.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,o||{}),r=1),r&&8&i.__g)return void(i.__g|=2)}catch(s){e=s}}throw ht=0,e}},Dn=0,Jt=function(e){return e!=null&&e.constructor===Ze},Te.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=Se({},this.state)),typeof e=="function"&&(e=e(Se({},n),this.props)),e&&(Se(n,e),this.__v&&(t&&this.__k.push(t),qn(this)))},Te.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),qn(this))},Te.prototype.render=Ae,he=[],ht=0,Un=function(e,t){return e.__v.__b-t.__v.__b},mt=Symbol(),On=/(PointerCapture)$|Capture$/i,Xt=0,Gt={},Aa=0;var Yn=function(e,t,n,o){var i;t[0]=0;for(var a=1;a<t.length;a++){var r=t[a++],s=t[a]?(t[0]|=r?1:2,n[t[a++]]):t[++a];r===3?o[0]=s:r===4?o[1]=Object.assign(o[1]||{},s):r===5?(o[1]=o[1]||{})[t[++a]]=s:r===6?o[1][t[++a]]+=s+"":r?(i=e.apply(s,Yn(e,s,n,["",null])),o.push(i),s[0]?t[0]|=2:(t[a-2]=0,t[a]=i)):o.push(s)}return o},Kn=new Map;function Gn(e){var t=Kn.get(this);return t||(t=new Map,Kn.set(this,t)),(t=Yn(this,t.get(e)||(t.set(e,t=(function(n){for(var o,i,a=1,r="",s="",d=[0],u=function(m){a===1&&(m||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,m,r):a===3&&(m||r)?(d.push(3,m,r),a=2):a===2&&r==="..."&&m?d.push(4,m,0):a===2&&r&&!m?d.push(5,0,!0,r):a>=5&&((r||!m&&a===5)&&(d.push(a,0,r,i),a=6),m&&(d.push(a,m,0,i),a=6)),r=""},c=0;c<n.length;c++){c&&(a===1&&u(),u(c));for(var f=0;f<n[c].length;f++)o=n[c][f],a===1?o==="<"?(u(),d=[d],a=3):r+=o:a===4?r==="--"&&o===">"?(a=1,r=""):r=o+r[0]:s?o===s?s="":r+=o:o==='"'||o==="'"?s=o:o===">"?(u(),a=1):a&&(o==="="?(a=5,i=r,r=""):o==="/"&&(a<5||n[c][f+1]===">")?(u(),a===3&&(d=d[0]),a=d,(d=d[0]).push(2,0,a),a=0):o===" "||o==="	"||o===`
`||o==="\r"?(u(),a=2):r+=o),a===3&&r==="!--"&&(a=4,d=d[0])}return u(),d})(e)),t),arguments,[])).length>1?t:t[0]}var l=Gn.bind(et);var Re,I,an,Jn,rn=Object.is,_t=0,io=[],sn=[],N=k,Xn=N.__b,Qn=N.__r,Zn=N.diffed,eo=N.__c,to=N.unmount,no=N.__;function xt(e,t){N.__h&&N.__h(I,e,_t||t),_t=0;var n=I.__H||(I.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function h(e){return _t=1,qa(so,e)}function qa(e,t,n){var o=xt(Re++,2);if(o.t=e,!o.__c&&(o.__=[n?n(t):so(void 0,t),function(a){var r=(o.__N||o.__)[0],s=o.t(r,a);rn(r,s)||(o.__N=[s,o.__[1]],o.__c.setState({}))}],o.__c=I,!I.__f)){I.__f=!0;var i=I.shouldComponentUpdate;I.shouldComponentUpdate=function(a,r,s){var d=this.__H;if(!d)return!0;var u=!1,c=this.props!=a;if(d.__.some(function(m){m.__N&&(u=!0,rn(m.__[0],m.__N[0])||(c=!0))}),i){var f=i.call(this,a,r,s);return u?f||c:f}return!u||c}}return o.__}function w(e,t){var n=xt(Re++,3);!N.__s&&cn(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,I.__H.__h.push(n))}function ro(e,t){var n=xt(Re++,4);!N.__s&&cn(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,I.__h.push(n))}function Y(e){return _t=5,yt(function(){return{current:e}},[])}function yt(e,t){var n=xt(Re++,7);return cn(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Ra(){var e;do{for(;e=sn.shift();)try{tt(e)}catch(n){N.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=io.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(tt),t.__h.some(ln),t.__h=[]}catch(n){t.__h=[],N.__e(n,e.__v)}}}while(sn.length)}N.__b=function(e){I=null,Xn&&Xn(e)},N.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),no&&no(e,t)},N.__r=function(e){Qn&&Qn(e),Re=0;var t=(I=e.__c).__H;t&&(an==I?I.__h=[]:(t.__h.some(tt),t.__h.some(ln),Re=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),an=I},N.diffed=function(e){Zn&&Zn(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&ao(io.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),an=I=null},N.__c=function(e,t){t.some(function(n){try{n.__h.some(tt),n.__h=n.__h.filter(function(o){return!o.__||ln(o)})}catch(o){n.__h=[function(){throw o}]}}),eo&&eo(e,t)},N.unmount=function(e){to&&to(e);var t,n,o=e.__c;o&&o.__H&&(o.__H.__.some(function(i){try{if(i.__P&&i.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}i.__P=n,ao(sn.push(i))}else tt(i)}catch(a){t=a}}),o.__H=void 0,t&&N.__e(t,o.__v))};var oo=typeof requestAnimationFrame=="function";function Da(e){var t,n=function(){clearTimeout(o),oo&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);oo&&(t=requestAnimationFrame(n))}function ao(e){e!=1&&Jn==N.requestAnimationFrame||((Jn=N.requestAnimationFrame)||Da)(Ra)}function tt(e){var t=I,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),I=t}function ln(e){var t=I;e.__c=e.__(),I=t}function cn(e,t){return!e||e.length!=t.length||t.some(function(n,o){return!rn(n,e[o])})}function so(e,t){return typeof t=="function"?t(e):t}var Ua=Symbol.for("preact-signals");function Ct(){if(re>1)re--;else{var e,t=!1;for((function(){var i=wt;for(wt=void 0;i!==void 0;){var a=i.S;if(a.v===i.v)for(var r=a.t;r!==void 0;r=r.x)r.i===i.i&&(r.i=a.i);i=i.o}})();ot!==void 0;){var n=ot;for(ot=void 0,$t++;n!==void 0;){var o=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&co(n))try{n.c()}catch(i){t||(e=i,t=!0)}n=o}}if($t=0,re--,t)throw e}}function be(e){if(re>0)return e();dn=++Oa,re++;try{return e()}finally{Ct()}}var nt,M=void 0;function at(e){var t=M,n=nt;M=void 0,nt=void 0;try{return e()}finally{M=t,nt=n}}var ot=void 0,re=0,$t=0,Oa=0,dn=0,wt=void 0,kt=0;function lo(e){if(M!==void 0){var t=e.n;if(t===void 0||t.t!==M)return t={i:0,S:e,p:M.s,n:void 0,t:M,e:void 0,x:void 0,r:t},M.s!==void 0&&(M.s.n=t),M.s=t,e.n=t,32&M.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=M.s,t.n=void 0,M.s.n=t,M.s=t),t}}function z(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}z.prototype.brand=Ua;z.prototype.h=function(){return!0};z.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n!==void 0?n.e=e:at(function(){var o;(o=t.W)==null||o.call(t)}))};z.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,o=e.x;n!==void 0&&(n.x=o,e.e=void 0),o!==void 0&&(o.e=n,e.x=void 0),e===this.t&&(this.t=o,o===void 0&&at(function(){var i;(i=t.Z)==null||i.call(t)}))}};z.prototype.subscribe=function(e){var t=this;return se(function(){var n=t.value;at(function(){return e(n)})},{name:"sub"})};z.prototype.valueOf=function(){return this.value};z.prototype.toString=function(){return this.value+""};z.prototype.toJSON=function(){return this.value};z.prototype.peek=function(){var e=this;return at(function(){return e.value})};Object.defineProperty(z.prototype,"value",{get:function(){var e=lo(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if($t>100)throw new Error("Cycle detected");(function(n){re!==0&&$t===0&&n.l!==dn&&(n.l=dn,wt={S:n,v:n.v,i:n.i,o:wt})})(this),this.v=e,this.i++,kt++,re++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{Ct()}}}});function $(e,t){return new z(e,t)}function co(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function po(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function uo(e){for(var t=e.s,n=void 0;t!==void 0;){var o=t.p;t.i===-1?(t.S.U(t),o!==void 0&&(o.n=t.n),t.n!==void 0&&(t.n.p=o)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=o}e.s=n}function Ee(e,t){z.call(this,void 0,t),this.x=e,this.s=void 0,this.g=kt-1,this.f=4}Ee.prototype=new z;Ee.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===kt))return!0;if(this.g=kt,this.f|=1,this.i>0&&!co(this))return this.f&=-2,!0;var e=M;try{po(this),M=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(n){this.v=n,this.f|=16,this.i++}return M=e,uo(this),this.f&=-2,!0};Ee.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}z.prototype.S.call(this,e)};Ee.prototype.U=function(e){if(this.t!==void 0&&(z.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};Ee.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(Ee.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=lo(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function O(e,t){return new Ee(e,t)}function fo(e){var t=e.j;if(e.j=void 0,typeof t=="function"){re++;var n=M;M=void 0;try{t()}catch(o){throw e.f&=-2,e.f|=8,pn(e),o}finally{M=n,Ct()}}}function pn(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,fo(e)}function ja(e){if(M!==this)throw new Error("Out-of-order effect");uo(this),M=e,this.f&=-2;try{8&this.f&&pn(this)}finally{Ct()}}function De(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,nt&&nt.push(this)}De.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};De.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,fo(this),po(this),re++;var e=M;return M=this,ja.bind(this,e)};De.prototype.N=function(){2&this.f||(this.f|=2,this.u=ot,ot=this)};De.prototype.d=function(){this.f|=8,1&this.f||pn(this)};De.prototype.dispose=function(){this.d()};function se(e,t){var n=new De(e,t);try{n.c()}catch(i){throw n.d(),i}var o=n.d.bind(n);return o[Symbol.dispose]=o,o}var mo,Tt,St,Ha=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var go=[];se(function(){mo=this.N})();function Ue(e,t){k[e]=t.bind(null,k[e]||function(){})}function it(e){if(St){var t=St;St=void 0,t()}St=e&&e.S()}function ho(e){var t=this,n=e.data,o=Fa(n);o.name="ReactiveDom",o.value=n;var i=yt(function(){for(var s=t,d=t.__v;d=d.__;)if(d.__c){d.__c.__$f|=4;break}var u=O(function(){var p=o.value.value;return p===0?0:p===!0?"":p||""}),c=O(function(){return!Array.isArray(u.value)&&!Jt(u.value)}),f=se(function(){if(this.N=vo,c.value){var p=u.value;s.__v&&s.__v.__e&&s.__v.__e.nodeType===3&&(s.__v.__e.data=p)}}),m=t.__$u.d;return t.__$u.d=function(){f(),m.call(this)},[c,u]},[]),a=i[0],r=i[1];return a.value?r.peek():r.value}ho.displayName="ReactiveTextNode";Object.defineProperties(z.prototype,{constructor:{configurable:!0,value:et(Ae,null).constructor},type:{configurable:!0,value:ho},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});Ue("__b",function(e,t){if(it(),Tt=void 0,typeof t.type=="string"){var n,o=t.props;for(var i in o)if(i!=="children"){var a=o[i];a instanceof z&&(n||(t.__np=n={}),n[i]=a,o[i]=a.peek())}}e(t)});Ue("__r",function(e,t){if(e(t),t.type!==Ae){it();var n,o=t.__c;o&&(o.__$f&=-2,(n=o.__$u)===void 0&&(o.__$u=n=(function(i,a){var r;return se(function(){r=this},{name:a}),r.c=i,r})((function(i){return function(){var a;Ha&&((a=this.y)==null||a.call(this)),i.__$f|=1,i.setState({})}})(o),typeof t.type=="function"?t.type.displayName||t.type.name:""))),Tt=o,it(n)}});Ue("__e",function(e,t,n,o){it(),Tt=void 0,e(t,n,o)});Ue("diffed",function(e,t){it(),Tt=void 0;var n;if(typeof t.type=="string"&&(n=t.__e)){var o=t.__np,i=t.props,a=n.U;if(a)for(var r in a){var s=a[r];s===void 0||o&&r in o||(s.d(),a[r]=void 0)}if(o){a||(a={},n.U=a);for(var d in o){var u=a[d],c=o[d];u===void 0?(u=Ba(n,d,c,i),a[d]=u):u.o(c,i)}}}e(t)});function Ba(e,t,n,o){var i=t in e&&e.ownerSVGElement===void 0,a=$(n);return{o:function(r,s){a.value=r,o=s},d:se(function(){this.N=vo;var r=a.value.value;o[t]!==r&&(o[t]=r,i?e[t]=r:r!=null&&(r!==!1||t[4]==="-")?e.setAttribute(t,r):e.removeAttribute(t))})}}Ue("unmount",function(e,t){if(typeof t.type=="string"){var n=t.__e;if(n){var o=n.U;if(o){n.U=void 0;for(var i in o){var a=o[i];a&&a.d()}}}var r=t.__np;if(r){var s=t.props;for(var d in r)s[d]=r[d]}t.__np=void 0}else{var u=t.__c;if(u){u.__$f|=8;var c=u.__$u;c&&(u.__$u=void 0,c.d())}}e(t)});Ue("__h",function(e,t,n,o){o<3&&(t.__$f|=2),e(t,n,o)});Te.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,o=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var a=2&this.__$f;if(!(o||a||4&this.__$f)||1&this.__$f)return!0}else if(!(o||4&this.__$f)||3&this.__$f)return!0;for(var r in e)if(r!=="__source"&&e[r]!==this.props[r])return!0;for(var s in this.props)if(!(s in e))return!0;return!1};function Fa(e,t){return yt(function(){return $(e,t)},[])}var Wa=function(e){queueMicrotask(function(){queueMicrotask(e)})};function Va(){be(function(){for(var e;e=go.shift();)mo.call(e)})}function vo(){go.push(this)===1&&(k.requestAnimationFrame||Wa)(Va)}var bo="parley_csrf",Ka="X-CSRF-Token",Oe=_o(bo);function _o(e){for(let t of document.cookie.split(";")){let[n,...o]=t.trim().split("=");if(n===e)return decodeURIComponent(o.join("="))}return""}var je=class extends Error{constructor(t,n){super(n?.detail||n?.title||`Request failed (${t})`),this.status=t,this.code=n?.code||"",this.reason=n?.reason||"",this.fields=n?.errors||[]}};async function le(e,t,{body:n,query:o,headers:i={},raw:a}={}){let r=t;if(o){let m=new URLSearchParams;for(let[g,v]of Object.entries(o))v==null||v===""||(Array.isArray(v)?v.forEach(x=>m.append(g,x)):m.set(g,String(v)));let p=m.toString();p&&(r+="?"+p)}let s={Accept:"application/json",...i};e!=="GET"&&e!=="HEAD"&&(Oe||(Oe=_o(bo)),Oe&&(s[Ka]=Oe));let d;a!==void 0?d=a:n!==void 0&&(s["Content-Type"]="application/json",d=JSON.stringify(n));let u;try{u=await fetch(r,{method:e,headers:s,body:d,credentials:"same-origin"})}catch{throw new je(0,{detail:"The server cannot be reached. Check your connection."})}if(u.status===204)return null;let c=await u.text(),f=null;if(c)try{f=JSON.parse(c)}catch{f=null}if(!u.ok){let m=new je(u.status,f);throw u.status===401&&un&&!t.endsWith("/auth/login")&&un(m),m}return f}var un=null;function xo(e){un=e}var L=(e,t)=>le("GET",e,{query:t}),V=(e,t,n)=>le("POST",e,{body:t,query:n}),Et=(e,t)=>le("PATCH",e,{body:t}),fn=(e,t)=>le("PUT",e,{body:t}),Ya=e=>le("DELETE",e);async function At(e,t={},n=1e3){let o=[],i="";do{let a=await L(e,{...t,limit:200,cursor:i});o.push(...a.items||[]),i=a.next_cursor||""}while(i&&o.length<n);return o}async function yo(e,t,n){let o=await V("/api/v1/auth/login",{email:e,password:t,workspace:n||void 0});return Oe=o.csrf_token,o}async function $o(){try{await V("/api/v1/auth/logout")}finally{Oe=""}}var W=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,_={conversations:e=>At("/api/v1/conversations",e),conversation:e=>L(W(e)),messages:(e,t)=>L(W(e)+"/messages",t),send:(e,t)=>V(W(e)+"/messages",t),assign:(e,t)=>V(W(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,n)=>V(W(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:n}),unassign:(e,t)=>V(W(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>V(W(e)+"/resolve"),reopen:e=>V(W(e)+"/reopen"),markRead:(e,t)=>V(W(e)+"/read",{seq:t}),unread:e=>L(W(e)+"/unread"),readStates:e=>L(W(e)+"/read-states"),upload:(e,t)=>le("POST",W(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>L(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>At("/api/v1/agents"),createAgent:e=>V("/api/v1/agents",e),updateAgent:(e,t)=>Et(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>At("/api/v1/inboxes"),createInbox:e=>V("/api/v1/inboxes",e),updateInbox:(e,t)=>Et(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>At("/api/v1/tokens"),createToken:e=>V("/api/v1/tokens",e),revokeToken:e=>Ya(`/api/v1/tokens/${encodeURIComponent(e)}`),audit:e=>L("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>fn("/api/v1/me/presence",{status:e})};var Pe=$("connecting"),mn=new Set,ce=new Map,ee=null,rt=1e3,gn=0,Ga=1,st=!0,He=new Map;function wo(e){return mn.add(e),()=>mn.delete(e)}function ko(){st&&(st=!1,hn())}function Co(){st=!0,clearTimeout(gn),ce.clear(),ee&&ee.close(1e3),ee=null}function hn(){Pe.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);ee=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=n=>{let o;try{o=JSON.parse(n.data)}catch{return}if(o.type==="ready"){Pe.value="online",rt=1e3,Be({type:"subscribe_feed"}).catch(()=>{});for(let[i,a]of ce)Be({type:"subscribe",conversation_id:i,after_seq:a}).catch(()=>{})}if(o.type==="message"&&o.message){let i=ce.get(o.conversation_id);i!==void 0&&o.message.seq>i&&ce.set(o.conversation_id,o.message.seq)}if(o.type==="subscribed"){let i=ce.get(o.conversation_id);i!==void 0&&ce.set(o.conversation_id,Math.max(i,o.last_seq))}if(o.id&&He.has(o.id)){let i=He.get(o.id);He.delete(o.id),o.type==="error"?i.reject(o):i.resolve(o)}for(let i of mn)try{i(o)}catch(a){console.error(a)}},t.onclose=n=>{if(ee!==t)return;ee=null;for(let i of He.values())i.reject({code:"unavailable",message:"disconnected"});if(He.clear(),st||(Pe.value="offline",n.code===1008&&n.reason==="no session cookie"))return;let o=Math.min(rt,3e4)*(.8+Math.random()*.4);rt=Math.min(rt*2,3e4),gn=setTimeout(hn,o)}}function So(){st||ee||(clearTimeout(gn),rt=1e3,hn())}function Be(e){return new Promise((t,n)=>{if(!ee||ee.readyState!==WebSocket.OPEN||Pe.value!=="online"){n({code:"unavailable",message:"not connected"});return}let o="c"+Ga++;He.set(o,{resolve:t,reject:n}),ee.send(JSON.stringify({...e,id:o}))})}function vn(e,t){let n=ce.get(e);n!==void 0&&n>=t||(ce.set(e,t),Pe.value==="online"&&Be({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var To=e=>ce.has(e);function Ao(e,t){Be({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var Po="parley.console.sound",_e=$(typeof Notification>"u"?"unsupported":Notification.permission),lt=$(localStorage.getItem(Po)!=="off"),G=null;async function Mo(){if(bn(),!(typeof Notification>"u"))try{_e.value=await Notification.requestPermission()}catch{_e.value=Notification.permission}}function No(e){lt.value=e,localStorage.setItem(Po,e?"on":"off"),e&&bn()}function bn(){let e=window.AudioContext||window.webkitAudioContext;e&&(G||(G=new e),G.state==="suspended"&&G.resume().catch(()=>{}))}function Io(e){e.isTrusted&&lt.value&&G?.state!=="running"&&bn()}document.addEventListener("pointerdown",Io,!0);document.addEventListener("keydown",Io,!0);function Ja(){if(!lt.value||!G||G.state!=="running")return;let e=G.currentTime;[[880,0],[1318.5,.12]].forEach(([t,n])=>{let o=G.createOscillator(),i=G.createGain();o.type="sine",o.frequency.value=t,i.gain.setValueAtTime(1e-4,e+n),i.gain.exponentialRampToValueAtTime(.18,e+n+.02),i.gain.exponentialRampToValueAtTime(1e-4,e+n+.35),o.connect(i).connect(G.destination),o.start(e+n),o.stop(e+n+.4)})}function _n(e,t,n){if(document.hidden&&(Ja(),_e.value==="granted"))try{let o=new Notification(e,{body:t.slice(0,140),tag:n,icon:void 0});o.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:n})),o.close()}}catch{}}var R=$(null),kn=$(!1),j=$({}),xe=$({}),H=$({}),de=$({}),$e=$([]),Ve=$([]),q=$({}),Me=$({}),te=$({}),Fe=$({}),Pt=$(!0),dt=$(!1),We=$([]),ye=$(""),J=O(()=>R.value?.agent?.id||""),pe=O(()=>R.value?.agent?.role||""),er=O(()=>new Set(R.value?.scopes||[]));var xn=(e,t)=>t.updated_at>e.updated_at?1:t.updated_at<e.updated_at?-1:0,Xa=(e,t)=>e.created_at<t.created_at?-1:e.created_at>t.created_at?1:0,Ne=O(()=>{let e=Object.values(j.value),t=J.value;return{queue:e.filter(n=>n.status==="pending").sort(Xa),mine:e.filter(n=>n.status==="assigned"&&n.assignee_id===t).sort(xn),open:e.filter(n=>n.status==="pending"||n.status==="assigned").sort(xn),resolved:e.filter(n=>n.status==="resolved").sort(xn)}}),tr=O(()=>Ne.value.mine.reduce((e,t)=>e+(H.value[t.id]||0),0)),Qa=0;function A(e,t="info"){let n=++Qa;We.value=[...We.value,{id:n,text:e,kind:t}],setTimeout(()=>Cn(n),t==="error"?8e3:4e3)}function Cn(e){We.value=We.value.filter(t=>t.id!==e)}function C(e,t){let n=e instanceof je||e?.message?e.message:String(e),o=(e?.fields||[]).map(i=>i.message).filter(Boolean);o.length&&(n=o.join("; ")),A(t?`${t}: ${n}`:n,"error")}function ue(e){if(!e?.id)return;let t=j.value[e.id];t&&t.updated_at>e.updated_at||(j.value={...j.value,[e.id]:{...t,...e}})}var qo=e=>e.status==="pending"||e.status==="assigned";async function Ro(){Pt.value=!0,ko();try{let[e,t,n]=await Promise.all([_.conversations({status:"pending,assigned"}),_.agents().catch(()=>[]),_.inboxes().catch(()=>[])]);be(()=>{$e.value=t,Ve.value=n;for(let o of e)ue(o)});for(let o of e)Uo(o);It(e.map(o=>o.id))}catch(e){C(e,"Could not load conversations")}finally{Pt.value=!1}}async function Do(){if(!dt.value)try{let e=await _.conversations({status:"resolved"});be(()=>{for(let t of e)ue(t)}),dt.value=!0}catch(e){C(e,"Could not load resolved conversations")}}function Nt(){Co(),be(()=>{R.value=null,j.value={},xe.value={},H.value={},de.value={},q.value={},Me.value={},dt.value=!1,ye.value=""})}function Uo(e){qo(e)&&vn(e.id,Math.max(0,e.last_seq-1))}var Mt=[],wn=new Set,ct={},yn=0,Sn=e=>ye.value===e&&!document.hidden;function It(e){for(let t of e)wn.has(t)||(wn.add(t),Mt.push(t));for(;yn<4&&Mt.length;)yn++,Za().finally(()=>{yn--})}async function Za(){for(;Mt.length;){let e=Mt.shift();wn.delete(e);let t=ct[e]=(ct[e]||0)+1;try{let n=await _.unread(e);ct[e]===t&&!Sn(e)&&(H.value={...H.value,[e]:n.count})}catch{}}}var zo=new Map;function Ke(e){if(!e||de.value[e]||zo.has(e))return;let t=_.contact(e).then(n=>{de.value={...de.value,[e]:n}},()=>{de.value={...de.value,[e]:{id:e,missing:!0}}});zo.set(e,t)}function fe(e){let t=de.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function Ye(e){return e?e===J.value?"you":$e.value.find(t=>t.id===e)?.name||"an agent":""}function Ie(e){return Ve.value.find(t=>t.id===e)?.name||""}function zt(e,t){let n=new Map(e.map(o=>[o.seq,o]));for(let o of t)n.set(o.seq,o);return[...n.values()].sort((o,i)=>o.seq-i.seq)}async function Oo(e){ye.value=e;let t=j.value[e];try{t||(t=await _.conversation(e),ue(t)),Ke(t.contact_id);let o=(await _.messages(e,{before_seq:t.last_seq+1,limit:50})).items||[];q.value={...q.value,[e]:zt(q.value[e]||[],o)},Me.value={...Me.value,[e]:o.length>0&&o[0].seq>1&&o.length===50},vn(e,o.length?o[o.length-1].seq:t.last_seq),_.readStates(e).then(i=>{let a=(i.items||[]).find(r=>r.participant.type==="contact");a&&(Fe.value={...Fe.value,[e]:a.last_read_seq})}).catch(()=>{}),pt(e)}catch(n){C(n,"Could not open the conversation")}}async function jo(e){let t=q.value[e]||[];if(t.length)try{let o=(await _.messages(e,{before_seq:t[0].seq,limit:50})).items||[];q.value={...q.value,[e]:zt(q.value[e]||[],o)},Me.value={...Me.value,[e]:o.length===50&&o[0].seq>1}}catch(n){C(n,"Could not load earlier messages")}}var $n={};function pt(e){if(document.hidden||ye.value!==e)return;let t=q.value[e]||[],n=j.value[e],o=Math.max(t.length?t[t.length-1].seq:0,n?.last_seq||0);o>0&&($n[e]||0)<o&&($n[e]=o,Be({type:"read",conversation_id:e,seq:o}).catch(()=>_.markRead(e,o)).catch(()=>{$n[e]=0})),ct[e]=(ct[e]||0)+1,H.value[e]&&(H.value={...H.value,[e]:0})}function Tn(e){let t=e.conversation_id;q.value[t]&&(q.value={...q.value,[t]:zt(q.value[t],[e])}),xe.value={...xe.value,[t]:e}}function ei(e){let t=e.message,n=e.conversation_id,o=j.value[n],i=o&&t.seq>o.last_seq,a=t.sender?.type==="agent"&&t.sender.id===J.value;if(be(()=>{q.value[n]&&(q.value={...q.value,[n]:zt(q.value[n],[t])});let r=xe.value[n];if((!r||r.seq<=t.seq)&&(xe.value={...xe.value,[n]:t}),i&&(j.value={...j.value,[n]:{...o,last_seq:t.seq,updated_at:t.created_at>o.updated_at?t.created_at:o.updated_at}}),t.sender?.type==="contact"){let s={...te.value};delete s[n],te.value=s}}),!(!i||a||t.kind==="event")){if(Sn(n)){pt(n);return}H.value={...H.value,[n]:(H.value[n]||0)+1},It([n]),o.status==="assigned"&&o.assignee_id===J.value&&t.sender?.type==="contact"&&_n(`New message from ${fe(o.contact_id)}`,t.body||"Sent a file",`/console/mine/${n}`)}}function Lo(e,t){let n=j.value[e.id];ue(e),Ke(e.contact_id),qo(e)&&!To(e.id)&&(Uo(e),It([e.id])),t==="conversation.queued"&&(!n||n.status!=="pending")&&_n("New conversation waiting",`${fe(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}wo(e=>{switch(e.type){case"message":e.message&&ei(e);break;case"message.updated":case"message.deleted":e.message&&Tn(e.message);break;case"conversation":e.conversation&&Lo(e.conversation,e.event);break;case"event":e.event?.payload?.conversation&&Lo(e.event.payload.conversation,e.event.type);break;case"subscribed":if(e.conversation){let t=j.value[e.conversation.id]?.last_seq||0;ue(e.conversation),e.conversation.last_seq>t&&!Sn(e.conversation.id)&&It([e.conversation.id])}break;case"typing":(e.by?.type==="contact"||e.by?.id!==J.value)&&(te.value={...te.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(Fe.value={...Fe.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&ye.value&&pt(ye.value)});async function An(){try{let e=await L("/api/v1/me");if(e.kind!=="agent"){R.value=null;return}R.value=e}catch{R.value=null}finally{kn.value=!0}}var me="/console",Lt=$(location.pathname),ze=O(()=>{let e=Lt.value.slice(me.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="admin"?{section:"admin",page:e[1]||"agents"}:{section:"inbox",list:["queue","mine","open","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function X(e,{replace:t=!1}={}){e!==Lt.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),Lt.value=e)}var Q=(e,t)=>`${me}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{Lt.value=location.pathname});window.addEventListener("parley:navigate",e=>X(e.detail));var ne=$({}),Ge=O(()=>ne.value.product_name||"Parley");async function Ho(){try{ne.value=await L("/api/v1/branding")}catch{}}se(()=>{let e=ne.value;document.title=`${Ge.value} console`;let t=document.documentElement.style;e.color?(t.setProperty("--accent",e.color),t.setProperty("--accent-hover",e.color)):(t.removeProperty("--accent"),t.removeProperty("--accent-hover"))});var D=e=>({size:t=18}={})=>l`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,qt=D(l`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),Rt=D(l`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),Je=D(l`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),Dt=D(l`<path d="M20 6 9 17l-5-5"/>`),Bo=D(l`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),En=D(l`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Fo=D(l`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),Pn=D(l`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),Wo=D(l`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),Vo=D(l`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),Ut=D(l`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),Ko=D(l`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),Yo=D(l`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),Go=D(l`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),Jo=D(l`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),Ot=D(l`<path d="M18 6 6 18M6 6l12 12"/>`),jt=D(l`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),Xo=D(l`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),Qo=D(l`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),Ht=()=>l`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function Bt(){let e=ne.value.logo_url;return l`${e?l`<img class="brand-logo" src=${e} alt="" data-brand-logo />`:l`<${Ht} />`}<span data-product-name>${Ge.value}</span>`}var ti={oidc_state:"That sign-in expired or was started in another browser. Please try again.",oidc_unavailable:"The identity provider cannot be reached. Try again later.",oidc_id_token:"The identity provider’s answer could not be verified. Ask an administrator.",oidc_off:"Single sign-on is not set up for this workspace.",oidc_provider_error:"The identity provider did not sign you in.",no_account:"You have no account in this workspace yet. Ask an administrator to create yours.",no_role:"Your identity gives you no role in this workspace. Ask an administrator.",identity_invalid:"Your identity has no email address Parley can use, or is linked to another account.",unauthorized:"Your account cannot sign in. It may be disabled.",rate_limited:"Too many sign-ins from your address. Try again later."},Mn=null;function Zo(e){Mn=e}function ea({onLoggedIn:e}){let t=new URLSearchParams(location.search),[n,o]=h(""),[i,a]=h(""),[r,s]=h(t.get("workspace")||""),[d,u]=h(!!t.get("workspace")),[c,f]=h(()=>{let b=t.get("signin_error");return b?ti[b]||"Single sign-on failed. Please try again.":""}),[m,p]=h(!1),[g,v]=h(null),[x]=h(()=>{let b=Mn;return Mn=null,b});w(()=>{let b=r.trim(),P=setTimeout(()=>{L("/api/v1/auth/options",b?{workspace:b}:void 0).then(U=>{v(U),ne.value=U.branding||{}}).catch(()=>v({password:"local",oidc:{}}))},b?300:0);return()=>clearTimeout(P)},[r]);async function S(b){b.preventDefault(),p(!0),f("");try{await yo(n.trim(),i,r.trim()),await e()}catch(P){f(P.status===401?"The email or password is not right.":P.message),p(!1)}}let y=ne.value,E=g?.password!=="off",T=g?.oidc?.enabled;return l`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${S} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${Bt} /></div>
        <h1 id="login-title">${y.sign_in_title||`Sign in to ${Ge.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${x&&l`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${Ge.value}.
          ${x.endSessionURL&&l` <a href=${x.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${c&&l`<div class="form-error" role="alert" id="login-error">${c}</div>`}
        ${T&&l`
          <a class="button primary block sso-button" id="sso-button" href=${g.oidc.start_url}>${g.oidc.button_label}</a>
          ${E&&l`<div class="login-or" aria-hidden="true"><span>or</span></div>`}`}
        ${E&&l`
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
        ${d?l`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${r} placeholder="default"
              onInput=${b=>s(b.currentTarget.value)} />
          </label>`:l`
          <button type="button" class="link-button" onClick=${()=>u(!0)}>Sign in to another workspace</button>`}
        ${E&&l`
          <button type="submit" class=${"button block"+(T?"":" primary")} disabled=${m||!n||!i}>
            ${m?"Signing in…":"Sign in"}
          </button>`}
        ${g&&!E&&!T&&l`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`}var ni=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],oi=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function B(e,t=Date.now()){if(!e)return"";let n=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(n)<45)return"now";for(let[o,i]of ni)if(Math.abs(n)>=i||o==="minute")return oi.format(Math.round(n/i),o);return""}function Nn(e){let t=new Date(e),n=new Date,o={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==n.toDateString()&&Object.assign(o,{month:"short",day:"numeric"}),t.toLocaleString(void 0,o)}var Le=e=>e?new Date(e).toLocaleString():"";function Ft(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function ta(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function na(e){let t=0;for(let n of e||"")t=(t*31+n.charCodeAt(0))%360;return t}function Wt(e=3e4){let[t,n]=h(Date.now());return w(()=>{let o=setInterval(()=>n(Date.now()),e);return()=>clearInterval(o)},[e]),t}function oe({id:e,name:t,size:n="md"}){return l`<span class=${`avatar avatar-${n} av-${na(e)%8}`} aria-hidden="true">${ta(t)}</span>`}var ut={queue:"Queue",mine:"Mine",open:"All open",resolved:"Resolved"};var ai={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",qt],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",Rt],open:["No open conversations","Every conversation is resolved. Nice work.",Je],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",Dt]};function oa({list:e,items:t,loading:n,selected:o}){Wt();let[i,a,r]=ai[e];return l`
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
          ${t.map(s=>l`<${ii} key=${s.id} c=${s} list=${e} selected=${s.id===o} />`)}
        </ul>`:l`
        <div class="empty small-empty">
          <div class="empty-icon"><${r} size=${22} /></div>
          <h2>${i}</h2>
          <p class="muted">${a}</p>
        </div>`}
    </section>`}function ii({c:e,list:t,selected:n}){Ke(e.contact_id);let o=fe(e.contact_id),i=xe.value[e.id],a=H.value[e.id]||0,r=te.value[e.id]&&Date.now()-te.value[e.id].at<5e3&&te.value[e.id].by?.type==="contact",s="No messages yet";r?s="typing…":i&&(s=(i.sender?.type==="contact"?"":i.kind==="note"?"Note: ":"You: ")+(i.deleted_at?"Message deleted":i.body||(i.attachments?.length?`📎 ${i.attachments[0].name}`:"")));let d=Q(t,e.id),u=[Ie(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+Ye(e.assignee_id):""].filter(Boolean).join(" · ");return l`
    <li>
      <a href=${d} class=${"conv-item"+(n?" selected":"")+(a?" has-unread":"")}
        aria-current=${n?"true":void 0} data-conversation=${e.id}
        onClick=${c=>{!c.metaKey&&!c.ctrlKey&&(c.preventDefault(),X(d))}}>
        <${oe} id=${e.contact_id} name=${o} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${o}</span>
            <time class="conv-time" datetime=${e.updated_at}>${B(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(r?" typing":"")}>${s}</span>
            ${a>0&&l`<span class="badge badge-accent unread-badge" aria-label=${a+" unread"}>${a}</span>`}
          </span>
          ${u&&l`<span class="conv-meta">${u}</span>`}
        </span>
      </a>
    </li>`}var aa=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function ia({conv:e}){let[t,n]=h("reply"),[o,i]=h(""),[a,r]=h([]),[s,d]=h(0),[u,c]=h(!1),f=Y(null),m=Y(null),p=Y(0),g=Y(aa());if(w(()=>{let b=P=>{(P.detail==="reply"||P.detail==="note")&&(n(P.detail),f.current?.focus())};return window.addEventListener("parley:command",b),()=>window.removeEventListener("parley:command",b)},[]),e.status==="resolved")return l`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let v=t==="note",x=!u&&s===0&&(o.trim()||!v&&a.length);async function S(){if(!x)return;c(!0);let b={client_id:g.current,body:o.trim()};v?b.kind="note":a.length&&(b.kind="attachment",b.attachment_ids=a.map(P=>P.id));try{let P=await _.send(e.id,b);Tn(P),i(""),r([]),g.current=aa(),pt(e.id),f.current?.focus()}catch(P){C(P,v?"The note was not saved":"The message was not sent")}finally{c(!1)}}async function y(b){for(let P of b){d(U=>U+1);try{let U=await _.upload(e.id,P);r(ae=>[...ae,U])}catch(U){C(U,`Could not upload ${P.name}`)}finally{d(U=>U-1)}}}function E(b){i(b.currentTarget.value);let P=Date.now();P-p.current>1500&&(p.current=P,Ao(e.id,v))}function T(b){b.key==="Enter"&&!b.shiftKey&&!b.isComposing&&(b.preventDefault(),S())}return l`
    <form class=${"composer"+(v?" composer-note":"")} onSubmit=${b=>{b.preventDefault(),S()}}
      aria-label=${v?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&l`
        <div class="composer-hint">This conversation is waiting in the queue.
          <button type="button" class="link-button" onClick=${()=>Vt(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(v?"":" active")} aria-pressed=${!v} onClick=${()=>{n("reply"),f.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(v?" active":"")} aria-pressed=${v} onClick=${()=>{n("note"),f.current?.focus()}}
          aria-keyshortcuts="n"><${Ut} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${v?"Private note, only agents see it":"Reply"}</label>
      <textarea id="composer-text" ref=${f} rows="3" value=${o} onInput=${E} onKeyDown=${T}
        placeholder=${v?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      ${(a.length>0||s>0)&&l`
        <ul class="staged" aria-label="Files to send">
          ${a.map(b=>l`<li class="chip">${b.name} <span class="muted">${Ft(b.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+b.name}
              onClick=${()=>r(a.filter(P=>P.id!==b.id))}><${Ot} size=${14} /></button></li>`)}
          ${s>0&&l`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${m} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${b=>{y([...b.currentTarget.files]),b.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${v}
          title=${v?"Notes cannot carry files":"Attach a file"} onClick=${()=>m.current?.click()}><${Wo} /></button>
        <span class="muted small composer-tip">${v?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(v?"note":"primary")} disabled=${!x}>
          <${Vo} size=${16} /> ${v?"Add note":"Send"}
        </button>
      </div>
    </form>`}var ri={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function ra({conv:e,list:t}){let n=fe(e.contact_id);return li(e),l`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${n}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${ri[e.status]}</span>
            ${e.assignee_id&&l`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${Ye(e.assignee_id)}</span>`}
            ${Ie(e.inbox_id)&&l`<span class="muted small">· ${Ie(e.inbox_id)}</span>`}
          </div>
        </div>
        <${ci} conv=${e} />
      </header>
      <${di} conv=${e} />
      <${fi} id=${e.id} name=${n} />
      <${ia} conv=${e} />
    </div>`}async function Xe(e,t){try{let n=await t();return n&&ue(n),n}catch(n){return n.status===409?C(n,`Could not ${e}, the conversation changed meanwhile`):C(n,`Could not ${e}`),null}}var Vt=e=>Xe("take it",()=>_.assign(e.id)).then(t=>t&&A("You took the conversation.","success")),sa=e=>Xe("resolve it",()=>_.resolve(e.id)).then(t=>t&&A("Conversation resolved.","success")),si=e=>Xe("reopen it",()=>_.reopen(e.id)).then(t=>t&&A("Conversation reopened.","success"));function li(e){w(()=>{let t=n=>{n.detail==="take"&&e.status==="pending"&&Vt(e),n.detail==="resolve"&&e.status!=="resolved"&&sa(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function ci({conv:e}){let t=J.value,n=pe.value==="admin"||pe.value==="supervisor",o=$e.value.filter(a=>!a.disabled&&!a.bot&&a.id!==e.assignee_id),i=(a,r)=>l`
    <select class="select small" aria-label=${a} value=""
      onChange=${s=>{let d=s.currentTarget.value;s.currentTarget.value="",d&&r(d)}}>
      <option value="">${a}…</option>
      ${o.map(s=>l`<option value=${s.id}>${s.name}${s.id===t?" (you)":""}</option>`)}
    </select>`;return l`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&l`
        <button type="button" class="button primary" onClick=${()=>Vt(e)} aria-keyshortcuts="t">Take</button>
        ${n&&i("Assign to",a=>Xe("assign it",()=>_.assign(e.id,a)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||n)&&l`
        ${i("Transfer to",a=>Xe("transfer it",()=>_.transfer(e.id,e.assignee_id,a)).then(r=>r&&A(`Transferred to ${Ye(a)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Xe("put it back",()=>_.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${e.status!=="resolved"?l`<button type="button" class="button success" onClick=${()=>sa(e)} aria-keyshortcuts="e">Resolve</button>`:l`<button type="button" class="button" onClick=${()=>si(e)}>Reopen</button>`}
    </div>`}function di({conv:e}){let t=q.value[e.id],n=Y(null),o=Y(!0),i=t?.length?t[t.length-1].seq:0;if(ro(()=>{let s=n.current;s&&o.current&&(s.scrollTop=s.scrollHeight)},[i,e.id]),!t)return l`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let a=Fe.value[e.id]||0,r=-1;return t.forEach((s,d)=>{s.sender?.type!=="contact"&&s.kind!=="note"&&s.kind!=="event"&&(r=d)}),l`
    <div class="messages" ref=${n} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${s=>{let d=s.currentTarget;o.current=d.scrollHeight-d.scrollTop-d.clientHeight<80}}>
      ${Me.value[e.id]&&l`<button type="button" class="button ghost small load-earlier" onClick=${()=>jo(e.id)}>Load earlier messages</button>`}
      ${!t.length&&l`<p class="muted center">No messages yet.</p>`}
      ${t.map((s,d)=>l`<${ui} key=${s.seq} m=${s} conv=${e} prev=${t[d-1]}
        seen=${d===r&&a>=s.seq} />`)}
    </div>`}function pi(e,t){let n=e.sender||{};return n.display_name?n.display_name:n.type==="contact"?fe(t.contact_id):n.type==="agent"||n.type==="bot"?n.id===J.value?"You":$e.value.find(o=>o.id===n.id)?.name||"Agent":"System"}function ui({m:e,conv:t,prev:n,seen:o}){if(e.kind==="event")return l`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${Nn(e.created_at)}</time></div>`;let i=e.sender?.type==="contact",a=e.kind==="note",r=n&&n.kind===e.kind&&n.sender?.type===e.sender?.type&&n.sender?.id===e.sender?.id&&new Date(e.created_at)-new Date(n.created_at)<300*1e3,s=pi(e,t),d=["msg",i?"msg-in":"msg-out",a?"msg-note":"",r?"grouped":"",e.deleted_at?"deleted":""].filter(Boolean).join(" ");return l`
    <article class=${d} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(a?"Private note by ":"Message from ")+s}>
      ${!r&&l`
        <div class="msg-head">
          ${i&&l`<${oe} id=${t.contact_id} name=${s} size="sm" />`}
          <span class="msg-name">${s}</span>
          <time datetime=${e.created_at} title=${Le(e.created_at)}>${Nn(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${a&&l`<div class="note-label"><${Ut} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?l`<p class="msg-body muted">This message was deleted.</p>`:e.body&&l`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&l`
          <ul class="attachments">
            ${e.attachments.map(u=>l`
              <li><a class="attachment" href=${_.attachmentURL(u.id)} download=${u.name}>
                <${Jo} size=${16} /><span class="attachment-name">${u.name}</span><span class="muted">${Ft(u.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&l`<span class="muted small">(edited)</span>`}
      </div>
      ${o&&l`<div class="msg-seen">Seen</div>`}
    </article>`}function fi({id:e,name:t}){Wt(1e3);let n=te.value[e],o=n&&Date.now()-n.at<5e3,i="";return o&&(i=n.by?.type==="contact"?`${t} is typing…`:`${Ye(n.by?.id)||"An agent"} is typing${n.note?" a note":""}…`),l`<div class="typing" aria-live="polite">${o&&l`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${i}`}</div>`}var la={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function ca({conv:e}){let t=e.contact_id,[n,o]=h(null);w(()=>{Ke(t);let u=!0;return _.conversations({contact_id:t}).then(c=>{if(u){for(let f of c)f.status!=="open"&&ue(f);o(c)}}).catch(()=>u&&o([])),()=>{u=!1}},[t]);let i=de.value[t],a=fe(t),r=i&&!i.missing?Object.entries(i.attributes||{}).filter(([u])=>u!=="unverified_email"):[],s=i&&!i.missing?[["Email",i.email],["Email (unverified)",i.attributes?.unverified_email],["Phone",i.phone],["External ID",i.external_id],["First seen",i.created_at&&B(i.created_at)]].filter(([,u])=>u):[],d=(n||[]).filter(u=>u.id!==e.id&&u.status!=="open");return l`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${oe} id=${t} name=${a} size="lg" />
        <h2 id="contact-title">${a}</h2>
        ${i&&!i.missing&&(i.verified?l`<span class="verified" title="Identified by your website's back-end"><${Go} size=${14} /> Verified</span>`:l`<span class="unverified">Guest · not verified</span>`)}
      </div>
      ${!i&&l`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${i?.missing&&l`<p class="muted small center">Contact details are not available.</p>`}
      ${s.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props">${s.map(([u,c])=>l`<dt>${u}</dt><dd>${c}</dd>`)}</dl>
        </section>`}
      ${r.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${r.map(([u,c])=>l`<dt>${u}</dt><dd>${typeof c=="object"?JSON.stringify(c):String(c)}</dd>`)}</dl>
        </section>`}
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${n===null?l`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:d.length===0?l`<p class="muted small">None — this is the first.</p>`:l`<ul class="mini-list">
              ${d.map(u=>l`<li key=${u.id}>
                <a href=${Q(la[u.status],u.id)} onClick=${c=>{c.preventDefault(),X(Q(la[u.status],u.id))}}>
                  <span class=${"status status-"+u.status}>${u.status}</span>
                  <span class="muted small">${Ie(u.inbox_id)} · ${B(u.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function da({list:e,conversation:t}){w(()=>{e==="resolved"&&Do()},[e]),w(()=>{t?Oo(t):ye.value=""},[t]);let n=Ne.value[e]||[],o=Pt.value||e==="resolved"&&!dt.value,i=t?j.value[t]:null;return l`
    <${oa} list=${e} items=${n} loading=${o} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?i?l`<${ra} key=${t} conv=${i} list=${e} />`:l`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:l`
          <div class="empty">
            <div class="empty-icon"><${Je} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${i&&l`<${ca} key=${i.contact_id} conv=${i} />`}`}function pa(){let[e,t]=h(!0),[n,o]=h(!1),i=()=>_.agents().then(r=>{$e.value=r}).catch(r=>C(r,"Could not load agents")).finally(()=>t(!1));w(()=>{i()},[]);async function a(r){if(!(!r.disabled&&!confirm(`Disable ${r.name}? They are signed out and cannot sign in until enabled again.`)))try{await _.updateAgent(r.id,{disabled:!r.disabled}),A(`${r.name} is ${r.disabled?"enabled":"disabled"}.`,"success"),i()}catch(s){C(s)}}return l`
    <${K} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>Add agent</button>
    <//>
    ${n&&l`<${mi} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading agents"></div>`:l`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${$e.value.map(r=>l`
              <tr key=${r.id} data-agent=${r.email}>
                <td><div class="cell-person"><${oe} id=${r.id} name=${r.name} size="sm" />
                  <div><div class="strong">${r.name}${r.id===J.value?" (you)":""}</div><div class="muted small">${r.email}</div></div></div></td>
                <td><span class=${"role role-"+r.role}>${r.role}</span>${r.bot?l` <span class="tag">bot</span>`:""}</td>
                <td>${r.disabled?l`<span class="tag tag-muted">disabled</span>`:l`<span class=${"presence-label p-"+(r.presence||"offline")}><span class=${"presence-dot p-"+(r.presence||"offline")} aria-hidden="true"></span>${r.presence||"offline"}</span>`}</td>
                <td>${r.capacity||"∞"}</td>
                <td class="muted">${B(r.created_at)}</td>
                <td class="right">${r.id!==J.value&&l`<button type="button" class="button small ghost" onClick=${()=>a(r)}>${r.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function mi({onDone:e}){let[t,n]=h({name:"",email:"",role:"agent",password:""}),[o,i]=h(null),[a,r]=h(!1),s=u=>c=>n({...t,[u]:c.currentTarget.value});async function d(u){u.preventDefault(),r(!0);try{await _.createAgent(t),A(`${t.name} can now sign in.`,"success"),e()}catch(c){i(c)}finally{r(!1)}}return l`
    <form class="card form-grid" onSubmit=${d} aria-label="New agent">
      <${Z} error=${o} />
      <label class="field"><span>Name</span><input required value=${t.name} onInput=${s("name")} /></label>
      <label class="field"><span>Email</span><input type="email" required value=${t.email} onInput=${s("email")} /></label>
      <label class="field"><span>Role</span>
        <select value=${t.role} onChange=${s("role")}>
          <option value="agent">Agent — answers conversations</option>
          <option value="supervisor">Supervisor — also sees the audit log</option>
          <option value="admin">Admin — manages the workspace</option>
        </select></label>
      <label class="field"><span>Password</span><input type="password" autocomplete="new-password" minlength="10" required value=${t.password} onInput=${s("password")} />
        <small class="muted">At least 10 characters. Share it with them safely.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${a}>Create agent</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}var gi=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function In(e,t="Copied"){try{await navigator.clipboard.writeText(e),A(`${t} to the clipboard.`,"success")}catch{A("Select the text and copy it by hand.","error")}}function ua(){let[e,t]=h(!0),[n,o]=h(!1),i=()=>_.inboxes().then(a=>{Ve.value=a}).catch(a=>C(a,"Could not load inboxes")).finally(()=>t(!1));return w(()=>{i()},[]),l`
    <${K} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>New inbox</button>
    <//>
    ${n&&l`<${bi} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:Ve.value.length?Ve.value.map(a=>l`<${hi} key=${a.id} inbox=${a} onChange=${i} />`):l`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function hi({inbox:e,onChange:t}){let[n,o]=h((e.allowed_origins||[]).join(`
`)),[i,a]=h(null),r=gi(e),s="inbox-"+e.id;async function d(u,c){try{await _.updateInbox(e.id,u),a(null),A(c,"success"),t()}catch(f){a(f)}}return l`
    <section class="card inbox-card" aria-labelledby=${s} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${s}>${e.name}</h2>
          <p class="muted small">Widget title “${e.widget?.title||e.name}” · files up to ${Math.round((e.conversation?.max_attachment_size||0)/1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{background:e.widget?.color||"#2563eb"}}></span>
      </header>
      <${Z} error=${i} />
      <div class="inbox-grid">
        <div>
          <h3>Widget snippet</h3>
          <p class="muted small">Paste it before <code>${"</body>"}</code> on every page of your site.</p>
          <div class="snippet">
            <pre><code class="snippet-code">${r}</code></pre>
            <button type="button" class="button small" onClick=${()=>In(r,"Snippet copied")}><${jt} size=${14} /> Copy</button>
          </div>
        </div>
        <div>
          <h3>Identity</h3>
          <label class="switch">
            <input type="checkbox" checked=${!!e.identity?.require_verified}
              onChange=${u=>d({identity:{require_verified:u.currentTarget.checked}},"Identity settings saved.")} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${vi} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${u=>{u.preventDefault(),d({allowed_origins:n.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${n} onInput=${u=>o(u.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
      </div>
    </section>`}function vi({identity:e}){let t=Object.entries(e||{}).filter(([o,i])=>o!=="require_verified"&&i!==null&&i!==""&&!(Array.isArray(i)&&i.length===0));if(!t.length)return null;let n=o=>Array.isArray(o)?`${o.length} configured`:typeof o=="object"?JSON.stringify(o):String(o);return l`<dl class="props small">${t.map(([o,i])=>l`<dt>${o.replace(/_/g," ")}</dt><dd>${n(i)}</dd>`)}</dl>`}function bi({onDone:e}){let[t,n]=h(""),[o,i]=h(""),[a,r]=h(null);async function s(d){d.preventDefault();try{await _.createInbox({name:t,allowed_origins:o.split(/[\s,]+/).filter(Boolean)}),A(`Inbox ${t} created.`,"success"),e()}catch(u){r(u)}}return l`
    <form class="card form-grid" onSubmit=${s} aria-label="New inbox">
      <${Z} error=${a} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${d=>n(d.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${o} onInput=${d=>i(d.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function fa(){let[e,t]=h(null),[n,o]=h(!1),[i,a]=h(null),r=()=>_.tokens().then(t).catch(d=>{C(d,"Could not load tokens"),t([])});w(()=>{r()},[]);async function s(d){if(confirm(`Revoke “${d.name}”? Programs using it stop working at once.`))try{await _.revokeToken(d.id),A(`“${d.name}” is revoked.`,"success"),r()}catch(u){C(u)}}return l`
    <${K} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{o(!n),a(null)}} aria-expanded=${n}>Create token</button>
    <//>
    ${i&&l`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${i.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>In(i.token,"Token copied")}><${jt} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>a(null)}>I have stored it</button>
      </div>`}
    ${n&&l`<${_i} onDone=${d=>{o(!1),d&&a(d),r()}} />`}
    ${e===null?l`<div class="spinner" role="status" aria-label="Loading tokens"></div>`:e.length?l`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(d=>l`
              <tr key=${d.id} class=${d.revoked_at?"revoked":""} data-token=${d.name}>
                <td class="strong">${d.name}</td>
                <td>${d.scopes.map(u=>l`<span class="tag">${u}</span> `)}</td>
                <td><code>${d.prefix}…</code></td>
                <td class="muted" title=${Le(d.created_at)}>${B(d.created_at)} by ${d.created_by?.name}</td>
                <td class="muted">${d.last_used_at?B(d.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${d.expires_at?Le(d.expires_at):""}>${d.expires_at?new Date(d.expires_at)<=new Date?l`<span class="tag tag-muted">expired</span>`:B(d.expires_at):"never"}</td>
                <td class="right">${d.revoked_at?l`<span class="tag tag-muted">revoked</span>`:l`<button type="button" class="button small danger-ghost" onClick=${()=>s(d)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:l`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function _i({onDone:e}){let t=(R.value?.scopes||[]).filter(p=>!p.startsWith("workspaces:")),[n,o]=h(""),[i,a]=h(!0),[r,s]=h([]),[d,u]=h(""),[c,f]=h(null);async function m(p){p.preventDefault();let g={name:n,scopes:i?["all"]:r};d&&(g.expires_at=new Date(`${d}T00:00:00`).toISOString());try{let v=await _.createToken(g);e(v)}catch(v){f(v)}}return l`
    <form class="card form-grid" onSubmit=${m} aria-label="New API token">
      <${Z} error=${c} />
      <label class="field"><span>Name</span><input required value=${n} onInput=${p=>o(p.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${i} onChange=${p=>a(p.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!i&&l`<div class="scope-grid">${t.map(p=>l`
          <label class="check"><input type="checkbox" checked=${r.includes(p)}
            onChange=${g=>s(g.currentTarget.checked?[...r,p]:r.filter(v=>v!==p))} /> <code>${p}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${d} min=${xi()} onInput=${p=>u(p.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!i&&!r.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function xi(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function ma(){let[e,t]=h(null),[n,o]=h(""),[i,a]=h(!1);async function r(d){a(!0);try{let u=await _.audit(d);t(c=>d?[...c||[],...u.items]:u.items),o(u.next_cursor||"")}catch(u){C(u,"Could not load the audit log"),t(c=>c||[])}finally{a(!1)}}w(()=>{r("")},[]);let s=d=>Object.entries(d||{}).map(([u,c])=>`${u}: ${typeof c=="object"?JSON.stringify(c):c}`).join(", ");return l`
    <${K} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?l`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?l`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(d=>l`
              <tr key=${d.id}>
                <td class="muted nowrap" title=${Le(d.created_at)}>${B(d.created_at)}</td>
                <td><span class="tag tag-muted">${d.actor.type}</span> ${d.actor.name}</td>
                <td><code class="action">${d.action}</code></td>
                <td class="muted small details">${s(d.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${n&&l`<div class="center"><button type="button" class="button" disabled=${i} onClick=${()=>r(n)}>Load more</button></div>`}`:l`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}function ga(){let[e,t]=h(null),[n,o]=h(""),[i,a]=h(null);if(w(()=>{L("/api/v1/sign-in").then(t).catch(c=>C(c,"Could not load the sign-in settings"))},[]),!e)return l`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;let r=e.oidc,s=(c,f)=>t({...e,oidc:{...r,[c]:f}}),d=(c,f,m)=>s("mappings",r.mappings.map((p,g)=>g===c?{...p,[f]:m}:p));async function u(c){c.preventDefault(),a(null);let f={password:e.password,oidc:{...r,client_secret:n||void 0},external:e.external};delete f.oidc.client_secret_set;try{t(await fn("/api/v1/sign-in",f)),o(""),A("Sign-in settings saved.","success")}catch(m){a(m)}}return l`
    <${K} title="Sign-in" sub="How the agents of this workspace sign in to the console. See docs/sign-in.md." />
    <form class="card form-grid" onSubmit=${u} aria-label="Sign-in settings">
      <${Z} error=${i} />
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
            <label class="field"><span>Claim value</span><input value=${c.value} onInput=${m=>d(f,"value",m.currentTarget.value)} /></label>
            <label class="field"><span>Role</span><select value=${c.role} onChange=${m=>d(f,"role",m.currentTarget.value)}>
              <option value="agent">agent</option><option value="supervisor">supervisor</option><option value="admin">admin</option></select></label>
            <label class="field"><span>Tier</span><input type="number" min="0" max="9" value=${c.tier} onInput=${m=>d(f,"tier",Number(m.currentTarget.value)||0)} /></label>
            <button type="button" class="button small ghost" aria-label="Remove this mapping" onClick=${()=>s("mappings",r.mappings.filter((m,p)=>p!==f))}>Remove</button>
          </div>`)}
        <button type="button" class="button small" onClick=${()=>s("mappings",[...r.mappings,{value:"",role:"agent",tier:0}])}>Add a mapping</button>
        <label class="field"><span>Role when no mapping matches</span>
          <select name="default_role" value=${r.default_role} onChange=${c=>s("default_role",c.currentTarget.value)}>
            <option value="">none: refuse the first sign-in</option><option value="agent">agent</option><option value="supervisor">supervisor</option></select></label>
        <label class="switch"><input type="checkbox" name="create_agents" checked=${r.create_agents} onChange=${c=>s("create_agents",c.currentTarget.checked)} />
          <span>Create agents on their first sign-in (else only agents you created may sign in)</span></label>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary">Save</button></div>
    </form>`}function ha(){let[e,t]=h(null),[n,o]=h({product_name:"",sign_in_title:"",color:""}),[i,a]=h(null),r=f=>{t(f),ne.value=f,o({product_name:f.product_name,sign_in_title:f.sign_in_title,color:f.color})};w(()=>{L("/api/v1/branding").then(r).catch(f=>C(f,"Could not load the branding"))},[]);async function s(f){f.preventDefault(),a(null);try{r(await Et("/api/v1/branding",n)),A("Branding saved.","success")}catch(m){a(m)}}async function d(f,m){if(m)try{r(await le("PUT",`/api/v1/branding/${f}`,{headers:{"Content-Type":m.type||"application/octet-stream"},raw:m})),A(f==="logo"?"Logo saved.":"Default avatar saved.","success")}catch(p){C(p,"Upload refused")}}async function u(f){try{r(await le("DELETE",`/api/v1/branding/${f}`))}catch(m){C(m)}}let c=f=>m=>o({...n,[f]:m.currentTarget.value});return e?l`
    <${K} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${s} aria-label="Branding">
      <${Z} error=${i} />
      <label class="field"><span>Product name</span>
        <input name="product_name" maxlength="60" value=${n.product_name} placeholder="Parley" onInput=${c("product_name")} /></label>
      <label class="field"><span>Sign-in page title</span>
        <input name="sign_in_title" maxlength="120" value=${n.sign_in_title} placeholder=${`Sign in to ${n.product_name||"Parley"}`} onInput=${c("sign_in_title")} /></label>
      <label class="field"><span>Colour <span class="muted">(#rrggbb; the widget uses it when the inbox sets none)</span></span>
        <input name="color" maxlength="7" value=${n.color} placeholder="#4f46e5" onInput=${c("color")} /></label>
      <div class="form-actions"><button type="submit" class="button primary" id="save-branding">Save</button></div>
    </form>
    ${[["logo","Logo","Shown in the console’s header and on the sign-in page."],["avatar","Default agent avatar","The widget shows it for agents who have no picture."]].map(([f,m,p])=>l`
      <section class="card" aria-labelledby=${"brand-"+f}>
        <h2 id=${"brand-"+f}>${m}</h2>
        <p class="muted">${p} PNG, JPEG, GIF or WebP, at most 256 KiB and 2048 pixels a side.</p>
        <div class="brand-preview">
          ${e[f+"_url"]?l`<img src=${e[f+"_url"]} alt=${m} data-brand-preview=${f} />`:l`<span class="muted">None</span>`}
          <label class="button small">Upload…<input type="file" class="sr-only" name=${f} accept="image/png,image/jpeg,image/gif,image/webp"
            onChange=${g=>d(f,g.currentTarget.files[0])} /></label>
          ${e[f+"_url"]&&l`<button type="button" class="button small ghost" onClick=${()=>u(f)}>Remove</button>`}
        </div>
      </section>`)}`:l`<div class="spinner" role="status" aria-label="Loading the branding"></div>`}var yi={agents:pa,inboxes:ua,tokens:fa,audit:ma,"sign-in":ga,branding:ha};function va({page:e}){let t=yi[e],n=pe.value==="admin"||e==="audit"&&pe.value==="supervisor";return l`
    <main class="pane-admin" id="main" tabindex="-1">
      ${t?n?l`<${t} />`:l`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:l`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function K({title:e,sub:t,children:n}){return l`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&l`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${n}</div>
    </header>`}function Z({error:e}){return e?l`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&l`<ul>${e.fields.map(t=>l`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}function zn(){return l`
    <div class="toasts" role="status" aria-live="polite">
      ${We.value.map(e=>l`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>Cn(e.id)}><${Ot} size=${16} /></button>
        </div>`)}
    </div>`}var we=$(!1),$i=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["1 – 4","Queue, Mine, All open, Resolved"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],Kt=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function ba(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function _a(e){let t=ze.value;if(t.section!=="inbox")return;let n=Ne.value[t.list]||[];if(!n.length)return;let o=n.findIndex(i=>i.id===t.conversation);o=o<0?e>0?0:n.length-1:Math.min(n.length-1,Math.max(0,o+e)),X(Q(t.list,n[o].id))}function xa(){w(()=>{let e=t=>{if(!R.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&ba(document.activeElement)){document.activeElement.blur();return}if(ba(t.target)||we.value)return;let n={1:"queue",2:"mine",3:"open",4:"resolved"};switch(t.key){case"j":_a(1);break;case"k":_a(-1);break;case"r":Kt("reply");break;case"n":Kt("note");break;case"t":Kt("take");break;case"e":Kt("resolve");break;case"?":we.value=!0;break;default:if(n[t.key]){X(Q(n[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function ya(){let e=Y(null);return w(()=>{let t=e.current;t&&(we.value&&!t.open&&t.showModal(),!we.value&&t.open&&t.close())},[we.value]),l`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{we.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${$i.map(([t,n])=>l`<tr><td><kbd>${t}</kbd></td><td>${n}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var wi=[["online","Online"],["away","Away"],["offline","Offline"]],qe=$(""),$a="parley.console.presence";function wa(){Ca(localStorage.getItem($a)||"online",!0)}async function ka(){try{await _.presence("offline")}catch{}qe.value=""}async function Ca(e,t){let n=qe.value;qe.value=e,t||localStorage.setItem($a,e);try{let o=await _.presence(e);o?.status?qe.value=o.status:o?.presence&&(qe.value=o.presence)}catch(o){qe.value=n,t||C(o,"Could not change your status")}}function Sa({onLogout:e}){let t=R.value?.agent||{},n=qe.value||t.presence||"offline";return l`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${oe} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+n} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence">
        <legend class="sr-only">Your status</legend>
        ${wi.map(([o,i])=>l`
          <label class=${"presence-option"+(n===o?" checked":"")}>
            <input type="radio" name="presence" value=${o} checked=${n===o}
              onChange=${()=>Ca(o)} />
            <span class=${"presence-dot p-"+o} aria-hidden="true"></span>${i}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${_e.value!=="granted"&&_e.value!=="unsupported"?l`
          <button type="button" class="button ghost small" onClick=${async()=>{await Mo(),_e.value==="granted"?A("Notifications are on.","success"):_e.value==="denied"&&A("Notifications are blocked in your browser settings.","error")}}><${Ko} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${lt.value} onChange=${o=>No(o.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{we.value=!0}} aria-keyshortcuts="?">
            <${Xo} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${Yo} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var ki={queue:qt,mine:Rt,open:Je,resolved:Dt};function Ta(){if(w(()=>{An()},[]),w(()=>{R.value&&(Ho(),Ro(),wa())},[R.value?.agent?.id]),xa(),!kn.value)return l`<div class="splash" role="status" aria-live="polite"><${Ht} /><span class="sr-only">Loading…</span></div>`;if(!R.value)return l`<${ea} onLoggedIn=${async()=>{await An(),!ze.value.list&&ze.value.section!=="admin"&&X(Q("queue"),{replace:!0})}} /><${zn} />`;let e=ze.value;return l`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${Ci} />
      ${e.section==="admin"?l`<${va} page=${e.page} />`:l`<${da} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${ya} />
    <${zn} />`}function Ci(){let e=ze.value,t=Ne.value,n={queue:t.queue.length,mine:t.mine.length,open:t.open.length,resolved:null},o=t.mine.reduce((s,d)=>s+(H.value[d.id]||0),0),i=pe.value==="admin",a=i||pe.value==="supervisor",r=(s,d,u,c,f)=>l`
    <li><a href=${s} class=${"nav-link"+(c?" active":"")} aria-current=${c?"page":void 0}
      onClick=${m=>{!m.metaKey&&!m.ctrlKey&&(m.preventDefault(),X(s))}}>
      <${u} /><span class="nav-label">${d}</span>${f}</a></li>`;return l`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${Bt} /></div>
      <${Si} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","resolved"].map(s=>r(Q(s),ut[s],ki[s],e.section==="inbox"&&e.list===s,l`${s==="mine"&&o>0?l`<span class="badge badge-accent" aria-label=${o+" unread"}>${o}</span>`:n[s]?l`<span class="count" aria-label=${n[s]+" conversations"}>${n[s]}</span>`:null}`))}
      </ul>
      ${a&&l`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${i&&r(`${me}/admin/agents`,"Agents",Bo,e.section==="admin"&&e.page==="agents")}
          ${i&&r(`${me}/admin/inboxes`,"Inboxes",Pn,e.section==="admin"&&e.page==="inboxes")}
          ${i&&r(`${me}/admin/tokens`,"API tokens",En,e.section==="admin"&&e.page==="tokens")}
          ${i&&r(`${me}/admin/sign-in`,"Sign-in",En,e.section==="admin"&&e.page==="sign-in")}
          ${i&&r(`${me}/admin/branding`,"Branding",Pn,e.section==="admin"&&e.page==="branding")}
          ${r(`${me}/admin/audit`,"Audit log",Fo,e.section==="admin"&&e.page==="audit")}
        </ul>`}
      <div class="nav-foot">
        <${Sa} onLogout=${async()=>{await ka();let s=await L("/api/v1/auth/options").catch(()=>null);try{await $o()}catch(d){C(d)}Zo({endSessionURL:s?.oidc?.end_session_url||""}),Nt(),A("You are signed out.","info")}} />
      </div>
    </nav>`}function Si(){let e=Pe.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return l`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&l`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${So}><${Qo} size=${14} /></button>`}
    </div>`}xo(()=>{R.value&&(Nt(),A("Your session has ended. Please sign in again.","error"))});on(l`<${Ta} />`,document.getElementById("app"));

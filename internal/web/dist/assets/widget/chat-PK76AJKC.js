(()=>{var b,ge,Ie,D,X,B,me,F,be,ee,Z,je,O=Symbol.for("pv"),K={},V=[],Be=/^m(i|n|o|s|text|space)$/,te=Array.isArray,ne=V.slice,L=Object.assign;function H(t){t&&t.parentNode&&t.remove()}function xe(t,e,n){var o,r,i,a={},s=arguments.length;for(i in e)i=="key"?o=e[i]:i=="ref"&&typeof t!="function"?r=e[i]:a[i]=e[i];return s>2&&(a.children=s>3?ne.call(arguments,2):n),E(t,a,o,r,null)}function E(t,e,n,o,r){var i={type:t,props:e,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:O,__v:r||++ge,__i:-1,__u:0};return!r&&b.vnode&&b.vnode(i),i}function Q(t){return t.children}function I(t,e){this.props=t,this.context=e,this.__g=0}function U(t,e){if(e==null)return t.__&&U(t.__,t.__i+1);for(var n;e<t.__k.length;e++)if((n=t.__k[e])&&n.__e)return n.__e;return typeof t.type!="function"||t.props.__P?null:U(t)}function Ke(t){var e,n=t.__v,o=n.__e,r=[],i=[],a=t.__P;a&&((e=L({constructor:O},n)).__v=n.__v+1,b.vnode&&b.vnode(e),oe(a,e,n,t.__n,a.namespaceURI,32&n.__u?[o]:null,r,o||U(n),32&n.__u,i),e.__v=n.__v,e.__.__k[e.__i]=e,Ce(r,e,i),n.__=n.__e=null,e.__e!=o&&ve(e))}function ve(t){if((t=t.__)&&t.__c&&!t.props.__P)return t.__e=null,t.__k.some(function(e){return e&&(t.__e=e.__e)}),ve(t)}function fe(t){(8&t.__g||(t.__g|=8,D.push(t),B++))&&X==b.debounceRendering||((X=b.debounceRendering)||queueMicrotask)(ye)}function ye(){try{for(var t,e=1;D.length;)D.length>e&&D.sort(me),t=D.shift(),e=D.length,8&t.__g&&Ke(t)}finally{(B=D.length)&&(X||queueMicrotask)(ye)}}function $e(t,e,n,o,r,i,a,s,_,f,c){var h,u,l,p,y,m,x=o.__k||V,g=e.length;for(_=Ve(n,e,x,_,g),h=0;h<g;h++)(l=n.__k[h])!=null&&(u=~l.__i&&x[l.__i]||K,l.__i=h,m=oe(t,l,u,r,i,a,s,_,f,c),p=l.__e,(u.ref!=l.ref||8&u.__u)&&(u.ref&&ie(u.ref,null,l,u),l.ref&&c.push(l.ref,l.__c||p,l)),y=y||p,4&l.__u?(_=ke(l,_,t,!u.__v),u.__e&&(u.__e=null)):typeof l.type=="function"&&m!==void 0?_=m:p&&(_=p.nextSibling),l.__u&=-21);return n.__e=y,_}function Ve(t,e,n,o,r){var i,a,s,_,f,c,h,u,l,p=n.length,y=p,m=0,x=0,g=t.__k=Array(r);for(i=0;i<r;i++)(a=e[i])!=null&&typeof a!="boolean"&&typeof a!="function"?(typeof a!="object"||a.constructor===String?a=g[i]=E(null,a):te(a)?a=g[i]=E(Q,{children:a}):a.constructor===O&&a.__b?a=g[i]=E(a.type,a.props,a.key,a.ref,a.__v):g[i]=a,_=i+m,a.__=t,a.__b=t.__b+1,s=null,~(f=a.__i=Qe(a,n,_,y))&&(y--,(s=n[f])&&(s.__u|=2)),s&&s.__v?(a.__u|=16,f==_-1?m--:f==_+1?m++:f!=_&&(f>_?m--:m++,x=1)):(~f||(r>p?m--:r<p&&m++),typeof a.type!="function"&&(a.__u|=4))):g[i]=null;if(x){for(c=[],h=[],i=0;i<r;i++)if((a=g[i])&&16&a.__u){for(m=0,u=c.length;m<u;)c[l=m+u>>1]<a.__i?m=l+1:u=l;c[m]=a.__i,h[i]=m+1}for(m=c.length;i--;)h[i]&&(h[i]==m?m--:g[i].__u|=4)}if(y)for(i=0;i<p;i++)!(s=n[i])||2&s.__u||(s.__e==o&&(o=U(s)),ae(s,s));return o}function ke(t,e,n,o){var r,i,a,s;if(typeof t.type=="function"){if(t.props.__P)return e;if(r=t.__k)for(i=0;i<r.length;i++)r[i]&&(r[i].__=t,e=ke(r[i],e,n,!1));return e}for(e&&!e.parentNode&&(e=U(t))&&!e.parentNode&&(e=null),a=t.__e,s=e;s&&s.nodeType==8;)s=s.nextSibling;for(a!=s&&(!o&&n.moveBefore&&a.parentNode?n.moveBefore(a,e):n.insertBefore(a,e||null)),e=a;(e=e&&e.nextSibling)&&e.nodeType==8&&!e.data.startsWith("$s"););return e}function Qe(t,e,n,o){var r,i=t.key,a=t.type,s=e[n],_=s&&!(2&s.__u);if(s===null&&i==null||_&&i==s.key&&a==s.type)return n;if(o>(_?1:0)){for(r=n-1;r>=0;r--)if((s=e[r])&&!(2&s.__u)&&i==s.key&&a==s.type)return r;for(r=n+1;r<e.length;r++)if((s=e[r])&&!(2&s.__u)&&i==s.key&&a==s.type)return r}return-1}function he(t,e,n){n==null&&(n=""),e[0]=="-"?t.setProperty(e,n):t[e]=n}function W(t,e,n,o,r){var i,a;if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof o=="string"&&(t.style.cssText=o=""),o)for(e in o)n&&e in n||he(t.style,e);if(n)for(e in n)o&&n[e]==o[e]||he(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")typeof n!="function"&&(n=null),typeof o!="function"&&(o=null),(t.__e||(t.__e={}))[e]=n,n&&o||(a=Z[e]||(Z[e]=Ge(e)),(t.__a||(t.__a={}))[e]=ee,i=e!=(e=e.replace(be,"$1")),(e=e.slice(2))[0]<"a"&&(e=e.toLowerCase()),n?t.addEventListener(e,a,i):t.removeEventListener(e,a,i));else{if(r=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{return void(t[e]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n)}}function Ge(t){return function(e){var n=this.__e;if(n){if(n=n[t],e[F]==null)e[F]=ee++;else if(e[F]<this.__a[t])return;return n(b.event?b.event(e):e)}}}function oe(t,e,n,o,r,i,a,s,_,f){var c,h,u,l,p,y,m,x,g,w,v,J,pe,A,q,de,z,M,T=e.type;if(e.constructor!==O)return null;128&n.__u&&(_=32&n.__u,c=n.__c.__z)&&(e.__u|=_,h=i=[],c.nodeType==8?s=j(c,i):i.push(c),s=i[0]||s),(c=b.__b)&&c(e);e:if(typeof T=="function"){u=a.length;try{if(x=e.props,g=(c=T.prototype)&&c.render,w=(c=T.contextType)&&o[c.__c],v=c?w?w.props.value:c.__:o,(l=n.__c)?(e.__c=l,2&l.__g&&(l.__g|=1)):(g?e.__c=l=new T(x,v):(e.__c=l=new I(x,v),l.constructor=T,l.render=Je),w&&w.sub(l),l.state||(l.state={}),l.__n=o,l.__g|=8,l.__h=[],l.__k=[]),g&&(l.__s||(l.__s=l.state),T.getDerivedStateFromProps&&(l.__s==l.state&&(l.__s=L({},l.__s)),L(l.__s,T.getDerivedStateFromProps(x,l.__s)))),p=l.props,y=l.state,l.__v=e,n.__c){if(x!==p&&g&&!T.getDerivedStateFromProps&&l.componentWillReceiveProps&&l.componentWillReceiveProps(x,v),e.__v==n.__v&&!(8&l.__g)||!(4&l.__g)&&l.shouldComponentUpdate&&l.shouldComponentUpdate(x,l.__s,v)===!1){e.__v!=n.__v&&(l.props=x,l.state=l.__s,l.__g&=-9),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(C){C&&(C.__=e)}),V.push.apply(l.__h,l.__k),l.__k=[],l.__h.length&&a.push(l),s=U(n);break e}l.componentWillUpdate&&l.componentWillUpdate(x,l.__s,v),g&&l.componentDidUpdate&&l.__h.push(function(){l.componentDidUpdate(p,y,m)})}else g&&!T.getDerivedStateFromProps&&l.componentWillMount&&l.componentWillMount(),g&&l.componentDidMount&&l.__h.push(l.componentDidMount);l.context=v,l.props=x,l.__P=t,l.__g&=-5,J=b.__r,pe=g?25:0;do l.__g&=-9,J&&J(e),c=l.render(l.props,l.state=l.__s,l.context);while(8&l.__g&&++pe<25);g&&(V.push.apply(l.__h,l.__k),l.__k=[]),l.state=l.__s,l.getChildContext&&(o=L({},o,l.getChildContext())),g&&n.__c&&l.getSnapshotBeforeUpdate&&(m=l.getSnapshotBeforeUpdate(p,y)),A=c&&c.type===Q&&c.key==null?c.props.children:c,x.__P&&(c=s,r=(t=x.__P).namespaceURI,_=i=null,n.props&&n.props.__P!=t&&(n.__k.some(function(C){C&&ae(C,C)}),n.__k=null),s=n.__k?U(n,0):null),s=$e(t,te(A)?A:[A],e,n,o,r,i,a,s,_,f),x.__P&&(e.__e=null,s=c),e.__u&=-161,h&&h.some(H),l.__h.length&&a.push(l),1&l.__g&&(l.__g&=-4)}catch(C){if(a.length=u,e.__v=null,_||i)if(C&&C.then){if(e.__u|=128|_,i){for(~(z=i.indexOf(s||void 0))||(z=i.length);(M=i[z-1])&&M.nodeType==8;)z--;for(;z<i.length;z++)if(M=i[z])if(i[z]=null,q){if(M==de)break}else{if(M.nodeType!=8)break;M.data.startsWith("$s")&&(de=j(q=M))}}if(!q){for(;s&&s.nodeType==8&&s.nextSibling;)s=s.nextSibling;q=s}(c=j(q=e.__c.__z||(e.__c.__z=q)))?(e.__e=q,s=c):e.__e=s,s=s&&s.nextSibling}else i&&i.some(H);else e.__e=n.__e;e.__k||(e.__k=n.__k||[]),C&&C.then||we(e),b.__e(C,e,n)}}else s=e.__e=Ye(n.__e,e,n,o,r,i,a,_,f,t);return(c=b.diffed)&&c(e),s}function j(t,e){if(t&&t.nodeType==8&&t.data.startsWith("$s"))for(var n=1;t=t.nextSibling;){if(t.nodeType==8){if(t.data.startsWith("$s"))n++;else if(t.data.startsWith("/$s")&&!--n)return t}e&&e.push(t)}}function we(t){t&&(t.__c&&(t.__c.__g|=4),t.__k&&t.__k.some(we))}function Ce(t,e,n){for(var o=0;o<n.length;)ie(n[o++],n[o++],n[o++]);b.__c&&b.__c(e,t),t.some(function(r){try{t=r.__h,r.__h=[],t.some(function(i){i.call(r)})}catch(i){b.__e(i,r.__v)}})}function Ye(t,e,n,o,r,i,a,s,_,f){var c,h,u,l,p,y,m,x,g=n.props||K,w=e.props,v=e.type;if(v=="svg"?r="http://www.w3.org/2000/svg":v=="math"?r="http://www.w3.org/1998/Math/MathML":r||(r="http://www.w3.org/1999/xhtml"),i){for(c=0;c<i.length;c++)if((p=i[c])&&(v?p.localName==v:p.nodeType==3)){t=p,i[c]=null;break}}if(!t){if(x=f.ownerDocument||document,!v)return x.createTextNode(w);t=x.createElementNS(r,v,w.is?w:f),s&&(b.__m&&b.__m(e,i),s=!1),i=null}if(v){if(f=v=="template"&&t.content||t,i=v=="textarea"&&w.defaultValue!=null?null:i&&ne.call(f.childNodes),!s&&i)for(g={},c=0;c<t.attributes.length;c++)g[(p=t.attributes[c]).name]=p.value;for(c in g)p=g[c],c=="dangerouslySetInnerHTML"?u=p:c=="children"||c in w||c=="value"&&"defaultValue"in w||c=="checked"&&"defaultChecked"in w||W(t,c,null,p,r);for(c in w)p=w[c],c=="children"?l=p:c=="dangerouslySetInnerHTML"?h=p:c=="value"?y=p:c=="checked"?m=p:s&&typeof p!="function"||g[c]===p||W(t,c,p,g[c],r);h?(s||u&&(h.__html==u.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),e.__k=[]):(u&&(t.textContent=""),(v=="foreignObject"||r=="http://www.w3.org/1998/Math/MathML"&&Be.test(v))&&(r="http://www.w3.org/1999/xhtml"),$e(f,te(l)?l:[l],e,n,o,r,i,a,i?i[0]:n.__k&&U(n,0),s,_),i&&i.some(H)),s&&v!="textarea"||(c="value",v=="progress"&&y==null?t.removeAttribute(c):y==null||y===t[c]&&(v!="progress"||y)||W(t,c,y,g[c],r),c="checked",m!=null&&m!=t[c]&&W(t,c,m,g[c],r))}else g===w||s&&t.data==w||(t.data=w);return t}function ie(t,e,n,o){try{typeof t=="function"?e?e.__x=t(e)||1:o&&(o=o.__c||o.__e)&&(e=o.__x)&&(o.__x=null,typeof e=="function"?e():t(null)):t.current=e}catch(r){b.__e(r,n)}}function ae(t,e,n){var o,r,i,a;if(b.unmount&&b.unmount(t),!(o=t.ref)||o.current&&o.current!=t.__e||ie(o,null,e,t),o=t.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(s){b.__e(s,e)}o.__P=o.__n=null}if(o=t.__k)for(a=0;a<o.length;a++)o[a]&&ae(o[a],e,typeof t.type!="function"||n&&!t.props.__P);!n&&(o=t.__c)&&(o=o.__z)&&(r=j(o,i=[]))&&(o==t.__e&&i.some(H),H(r),H(o)),n||H(t.__e),t.__e=t.__c=t.__=null}function Je(t,e,n){return this.constructor(t,n)}function Se(t,e){var n,o,r,i;b.__&&b.__(t,e),e.nodeType==9&&(e=e.documentElement),o=(n=t&&32&t.__u)?null:e.__k,e.__k=E(Q,{children:[t]}),r=[],i=[],oe(e,e.__k,o||K,K,e.namespaceURI,o?null:e.firstChild?ne.call(e.childNodes):null,r,o?o.__e:e.firstChild,n,i),Ce(r,e.__k,i),e.__k.props.children=null}b={__e:function(t,e,n,o){for(var r,i,a;e=e.__;)if((r=e.__c)&&!(1&r.__g)){r.__g|=4;try{if((a=(i=r.constructor)&&i.getDerivedStateFromError)&&r.setState(i.getDerivedStateFromError(t)),r.componentDidCatch&&(r.componentDidCatch(t,o||{}),a=1),a&&8&r.__g)return void(r.__g|=2)}catch(s){t=s}}throw B=0,t}},ge=0,Ie=function(t){return t!=null&&t.constructor===O},I.prototype.setState=function(t,e){var n=this.__s;n&&n!=this.state||(n=this.__s=L({},this.state)),typeof t=="function"&&(t=t(L({},n),this.props)),t&&(L(n,t),this.__v&&(e&&this.__k.push(e),fe(this)))},I.prototype.forceUpdate=function(t){this.__v&&(this.__g|=4,t&&this.__h.push(t),fe(this))},I.prototype.render=Q,D=[],B=0,me=function(t,e){return t.__v.__b-e.__v.__b},F=Symbol(),be=/(PointerCapture)$|Capture$/i,ee=0,Z={},je=0;var N,k,re,Pe,se=Object.is,G=0,Ee=[],le=[],$=b,Te=$.__b,ze=$.__r,De=$.diffed,Ue=$.__c,qe=$.unmount,Me=$.__;function _e(t,e){$.__h&&$.__h(k,t,G||e),G=0;var n=k.__H||(k.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function S(t){return G=1,ue(Re,t)}function ue(t,e,n){var o=_e(N++,2);if(o.t=t,!o.__c&&(o.__=[n?n(e):Re(void 0,e),function(i){var a=(o.__N||o.__)[0],s=o.t(a,i);se(a,s)||(o.__N=[s,o.__[1]],o.__c.setState({}))}],o.__c=k,!k.__f)){k.__f=!0;var r=k.shouldComponentUpdate;k.shouldComponentUpdate=function(i,a,s){var _=this.__H;if(!_)return!0;var f=!1,c=this.props!=i;if(_.__.some(function(u){u.__N&&(f=!0,se(u.__[0],u.__N[0])||(c=!0))}),r){var h=r.call(this,i,a,s);return f?h||c:h}return!f||c}}return o.__}function P(t,e){var n=_e(N++,3);!$.__s&&Oe(n.__H,e)&&(n.__P=!0,n.__=t,n.u=e,k.__H.__h.push(n))}function Y(t){return G=5,Xe(function(){return{current:t}},[])}function Xe(t,e){var n=_e(N++,7);return Oe(n.__H,e)&&(n.__=t(),n.__H=e),n.__}function Ze(){var t;do{for(;t=le.shift();)try{R(t)}catch(n){$.__e(n,{__:(t=t.__P)&&t.__v})}for(;t=Ee.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(R),e.__h.some(ce),e.__h=[]}catch(n){e.__h=[],$.__e(n,t.__v)}}}while(le.length)}$.__b=function(t){k=null,Te&&Te(t)},$.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),Me&&Me(t,e)},$.__r=function(t){ze&&ze(t),N=0;var e=(k=t.__c).__H;e&&(re==k?k.__h=[]:(e.__h.some(R),e.__h.some(ce),N=0),e.__h=[],e.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),re=k},$.diffed=function(t){De&&De(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&Le(Ee.push(e)),e.__H.__.some(function(n){n.u&&(n.__H=n.u)})),re=k=null},$.__c=function(t,e){e.some(function(n){try{n.__h.some(R),n.__h=n.__h.filter(function(o){return!o.__||ce(o)})}catch(o){n.__h=[function(){throw o}]}}),Ue&&Ue(t,e)},$.unmount=function(t){qe&&qe(t);var e,n,o=t.__c;o&&o.__H&&(o.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=t.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}r.__P=n,Le(le.push(r))}else R(r)}catch(i){e=i}}),o.__H=void 0,e&&$.__e(e,o.__v))};var He=typeof requestAnimationFrame=="function";function et(t){var e,n=function(){clearTimeout(o),He&&cancelAnimationFrame(e),setTimeout(t)},o=setTimeout(n,35);He&&(e=requestAnimationFrame(n))}function Le(t){t!=1&&Pe==$.requestAnimationFrame||((Pe=$.requestAnimationFrame)||et)(Ze)}function R(t){var e=k,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),k=e}function ce(t){var e=k;t.__c=t.__(),k=e}function Oe(t,e){return!t||t.length!=e.length||e.some(function(n,o){return!se(n,t[o])})}function Re(t,e){return typeof e=="function"?e(t):e}var Ae=function(t,e,n,o){var r;e[0]=0;for(var i=1;i<e.length;i++){var a=e[i++],s=e[i]?(e[0]|=a?1:2,n[e[i++]]):e[++i];a===3?o[0]=s:a===4?o[1]=Object.assign(o[1]||{},s):a===5?(o[1]=o[1]||{})[e[++i]]=s:a===6?o[1][e[++i]]+=s+"":a?(r=t.apply(s,Ae(t,s,n,["",null])),o.push(r),s[0]?e[0]|=2:(e[i-2]=0,e[i]=r)):o.push(s)}return o},Ne=new Map;function We(t){var e=Ne.get(this);return e||(e=new Map,Ne.set(this,e)),(e=Ae(this,e.get(t)||(e.set(t,e=(function(n){for(var o,r,i=1,a="",s="",_=[0],f=function(u){i===1&&(u||(a=a.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?_.push(0,u,a):i===3&&(u||a)?(_.push(3,u,a),i=2):i===2&&a==="..."&&u?_.push(4,u,0):i===2&&a&&!u?_.push(5,0,!0,a):i>=5&&((a||!u&&i===5)&&(_.push(i,0,a,r),i=6),u&&(_.push(i,u,0,r),i=6)),a=""},c=0;c<n.length;c++){c&&(i===1&&f(),f(c));for(var h=0;h<n[c].length;h++)o=n[c][h],i===1?o==="<"?(f(),_=[_],i=3):a+=o:i===4?a==="--"&&o===">"?(i=1,a=""):a=o+a[0]:s?o===s?s="":a+=o:o==='"'||o==="'"?s=o:o===">"?(f(),i=1):i&&(o==="="?(i=5,r=a,a=""):o==="/"&&(i<5||n[c][h+1]===">")?(f(),i===3&&(_=_[0]),i=_,(_=_[0]).push(2,0,i),i=0):o===" "||o==="	"||o===`
`||o==="\r"?(f(),i=2):a+=o),i===3&&a==="!--"&&(i=4,_=_[0])}return f(),_})(t)),e),arguments,[])).length>1?e:e[0]}var Fe=`.slot{position:absolute;bottom:76px;right:0}
:host([data-position=left]) .slot{right:auto;left:0}
.panel{box-sizing:border-box;width:370px;height:min(600px,calc(100vh - 120px));display:flex;flex-direction:column;background:#fff;border-radius:16px;box-shadow:0 16px 48px rgba(17,24,39,.22),0 2px 6px rgba(17,24,39,.08);overflow:hidden;opacity:0;transform:translateY(12px) scale(.98);transform-origin:bottom right;pointer-events:none;transition:opacity .2s ease,transform .22s cubic-bezier(.2,.8,.2,1);visibility:hidden}
.panel.open{opacity:1;transform:none;pointer-events:auto;visibility:visible}
*{box-sizing:border-box}
button{font:inherit}
.head{display:flex;align-items:center;gap:8px;padding:16px 14px 14px 18px;background:var(--accent);color:var(--on-accent)}
.titles{flex:1;min-width:0}
h2{margin:0;font-size:17px;font-weight:650;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sub{margin:2px 0 0;font-size:13px;display:flex;align-items:center;gap:6px}
.dot{width:8px;height:8px;border-radius:50%;flex:none;background:#9ca3af;box-shadow:0 0 0 2px rgba(255,255,255,.5)}
.dot.on{background:#22c55e}
.icon{all:unset;cursor:pointer;width:34px;height:34px;border-radius:8px;display:grid;place-items:center;font-size:24px;line-height:1}
.head .icon:hover{background:rgba(255,255,255,.16)}
.icon:focus-visible,.primary:focus-visible,.send:focus-visible,.conv-item:focus-visible,.log:focus-visible,textarea:focus-visible,.file:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.head .icon:focus-visible{outline-color:var(--on-accent)}
.status{padding:6px 14px;background:#fef3c7;color:#78350f;font-size:13px;text-align:center}
.log{flex:1;overflow-y:auto;padding:16px 14px;display:flex;flex-direction:column;gap:10px;background:#f8fafc;scroll-behavior:smooth}
.msg{display:flex;flex-direction:column;max-width:82%;animation:in .18s ease}
.msg.me{align-self:flex-end;align-items:flex-end}
.msg.them{align-self:flex-start}
.bubble{padding:9px 13px;border-radius:16px;white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere}
.me .bubble{background:var(--accent);color:var(--on-accent);border-bottom-right-radius:5px}
.them .bubble{background:#fff;color:#111827;border:1px solid #e5e7eb;border-bottom-left-radius:5px}
.pending .bubble{opacity:.7}
.meta{font-size:11.5px;color:#4b5563;margin:3px 4px 0}
.meta .avatar{width:18px;height:18px;border-radius:50%;object-fit:cover;vertical-align:middle;margin-right:5px}
.who{font-weight:600;color:#374151}
.seen{color:#047857;font-weight:600}
.event{align-self:center;font-size:12.5px;color:#4b5563;padding:2px 8px}
.image{display:block;max-width:220px;max-height:220px;border-radius:10px;margin-top:4px}
.file{display:inline-block;color:inherit;text-decoration:underline;margin-top:2px}
.typing{align-self:flex-start;display:flex;gap:4px;padding:12px 14px;background:#fff;border:1px solid #e5e7eb;border-radius:16px;border-bottom-left-radius:5px}
.typing .dot{width:7px;height:7px;border-radius:50%;background:#6b7280;animation:blink 1.2s infinite}
.typing .dot:nth-child(3){animation-delay:.2s}.typing .dot:nth-child(4){animation-delay:.4s}
.queue{margin:0;padding:6px 14px;background:#eff6ff;color:#1e3a8a;font-size:13px;text-align:center;border-top:1px solid #e5e7eb}
.queue:empty{padding:0;border:0}
.leave-intro{margin:0 2px 6px;font-size:13px;color:#374151;font-weight:600}
.leave-back{margin:0 2px 4px;font-size:13px;color:#374151}
.composer{border-top:1px solid #e5e7eb;background:#fff;padding:8px 10px}
.row{display:flex;align-items:flex-end;gap:6px}
textarea{flex:1;resize:none;border:1px solid #d1d5db;border-radius:12px;padding:9px 12px;font:inherit;color:#111827;max-height:120px;min-height:40px;background:#fff}
.attach{color:#4b5563;width:40px;height:40px}
.attach:hover{background:#f3f4f6}
.attach:focus-within{outline:2px solid var(--accent);outline-offset:2px}
.attach svg,.send svg{width:22px;height:22px}
.send{all:unset;cursor:pointer;width:40px;height:40px;border-radius:12px;display:grid;place-items:center;background:var(--accent);color:var(--on-accent)}
.send:disabled{opacity:.45;cursor:default}
.error{margin:0 0 6px;color:#b91c1c;font-size:13px}
.list{flex:1;overflow-y:auto;padding:14px;background:#f8fafc;display:flex;flex-direction:column;gap:10px}
.list-title{margin:0;font-size:14px;color:#374151}
.list ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.conv-item{all:unset;box-sizing:border-box;cursor:pointer;width:100%;display:flex;align-items:center;gap:8px;padding:12px 14px;background:#fff;border:1px solid #e5e7eb;border-radius:12px}
.conv-item:hover{border-color:var(--accent)}
.preview{flex:1;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;color:#111827}
.tag{font-size:11px;color:#374151;background:#e5e7eb;border-radius:6px;padding:1px 6px}
.count{min-width:20px;height:20px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;font-weight:600;display:grid;place-items:center;padding:0 6px}
.primary{all:unset;cursor:pointer;text-align:center;padding:11px;border-radius:12px;background:var(--accent);color:var(--on-accent);font-weight:600}
.prechat{flex:1;overflow-y:auto;padding:18px;background:#f8fafc;display:flex;flex-direction:column;gap:12px}
.prechat p{margin:0;color:#374151}
.prechat label{display:flex;flex-direction:column;gap:4px;font-size:13px;font-weight:600;color:#374151}
.prechat input{font:inherit;font-weight:400;padding:9px 12px;border:1px solid #d1d5db;border-radius:10px;color:#111827}
.prechat input:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.brand{font-size:11px;color:#4b5563;text-align:center;padding:4px 0 8px;background:#fff}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@keyframes in{from{opacity:0;transform:translateY(4px)}}
@keyframes blink{0%,80%,100%{opacity:.3}40%{opacity:1}}
@media (max-width:480px){.slot{position:fixed;inset:0;bottom:0}.panel{width:100vw;height:100%;border-radius:0}:host([data-open]) .launcher{display:none}.head .icon{width:44px;height:44px}textarea,.prechat input{font-size:16px}}
@media (prefers-reduced-motion:reduce){.panel,.msg{transition:none;animation:none}}
.team-avatar{width:32px;height:32px;border-radius:50%;object-fit:cover;margin-right:10px;flex:none;background:#fff}
.rating{padding:12px 14px;border-top:1px solid #e2e8f0;display:flex;flex-direction:column;gap:8px;background:#f8fafc}
.rating fieldset{border:0;margin:0;padding:0}
.rating legend{font-weight:600;font-size:14px;margin-bottom:6px}
.stars{display:flex;gap:4px}
.star{all:unset;cursor:pointer;font-size:26px;line-height:1;color:#94a3b8;padding:2px}
.star.on{color:#b45309}
.star:focus-visible,.skip:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.rating textarea{font:inherit;border:1px solid #cbd5e1;border-radius:10px;padding:8px;resize:none}
.rating-actions{display:flex;justify-content:flex-end;gap:8px;align-items:center}
.rating .primary{padding:8px 14px}
.rating .primary:disabled{opacity:.5;cursor:not-allowed}
.skip{all:unset;cursor:pointer;color:#475569;padding:8px;text-decoration:underline}
.rating-thanks{margin:0;padding:10px 14px;border-top:1px solid #e2e8f0;font-size:14px;color:#166534}
`;var d=We.bind(xe),nt=1e4;window.__parleyChat=(t,e,n,o)=>{o(e,Fe),Se(d`<${it} w=${n} />`,t)};function ot(t){let[,e]=ue(n=>n+1,0);P(()=>t.subscribe(e),[t])}function it({w:t}){ot(t),P(()=>t.on("availability",()=>t.isOpen&&t.refreshOnline()),[t]);let e=Y(null),n=t.t,o=t.inbox.widget||{},r=o.title||t.inbox.name||"Chat",i=t.current&&t.convs.get(t.current),a=!i&&t.convs.size>0,s=o.prechat||{},_=s.enabled&&(s.fields||[]).length&&!t.convs.size&&!t.prechatDone();P(()=>{if(t.isOpen&&e.current){let c=e.current.querySelector("textarea, [data-autofocus]");c&&c.focus()}},[t.isOpen,t.current,!!_]);let f=c=>{if(c.key==="Escape"){c.stopPropagation(),t.setOpen(!1);let h=e.current.getRootNode().querySelector(".launcher");h&&h.focus()}};return d`
    <div id="parley-panel" ref=${e} class=${"panel"+(t.isOpen?" open":"")} role="dialog"
      aria-label=${r} aria-hidden=${!t.isOpen} inert=${!t.isOpen} onKeyDown=${f} lang=${t.lang}>
      <div class="head">
        ${i&&t.convs.size>1?d`<button type="button" class="icon back" aria-label=${n.back} onClick=${()=>t.show(null)}>‹</button>`:null}
        ${t.inbox.branding?.agent_avatar_url?d`<img class="team-avatar" src=${t.inbox.branding.agent_avatar_url} alt="" />`:null}
        <div class="titles">
          <h2>${r}</h2>
          <p class="sub"><span class=${"dot "+(t.inbox.online?"on":"off")} aria-hidden="true"></span>${t.inbox.online?n.online:n.offline}</p>
        </div>
        <button type="button" class="icon" aria-label=${n.close} onClick=${()=>t.setOpen(!1)}>×</button>
      </div>
      <${rt} w=${t} />
      ${_?d`<${at} w=${t} fields=${s.fields} />`:a?d`<${st} w=${t} />`:d`<${lt} w=${t} conv=${i} greeting=${t.invitation?.message||o.greeting} />`}
      <div class="brand">Chat by Parley</div>
    </div>`}function at({w:t,fields:e}){let n=t.t,[o,r]=S("");return d`
    <form class="prechat" onSubmit=${async a=>{a.preventDefault();let s=Object.fromEntries(new FormData(a.target));try{await t.introduce(s)}catch(_){r(_.status===422?n.email+": "+n.error:n.error)}}}>
      <p>${n.prechatIntro}</p>
      ${e.map((a,s)=>d`<label key=${a}>${n[a]}
        <input name=${a} type=${a==="email"?"email":"text"} required autocomplete=${a} data-autofocus=${s===0||void 0} /></label>`)}
      ${o?d`<p class="error" role="alert">${o}</p>`:null}
      <button type="submit" class="primary">${n.start}</button>
    </form>`}function rt({w:t}){let e=t.t;return t.state!=="reconnecting"&&t.state!=="connecting"?null:d`<div class="status" role="status">${t.state==="connecting"?e.connecting:e.reconnecting}</div>`}function st({w:t}){let e=t.t;return d`
    <div class="list">
      <h3 class="list-title">${e.conversations}</h3>
      <ul>
        ${t.list().map(n=>{let o=n.messages[n.messages.length-1],r=n.conversation&&n.conversation.status==="resolved";return d`<li key=${n.id}>
            <button type="button" class="conv-item" onClick=${()=>t.show(n.id)}>
              <span class="preview">${o?(o.sender.type==="contact"?e.you+": ":"")+(o.body||"📎"):e.newConversation}</span>
              ${r?d`<span class="tag">${e.resolved}</span>`:null}
              ${n.unread?d`<span class="count" aria-label=${e.unread(n.unread)}>${n.unread}</span>`:null}
            </button>
          </li>`})}
      </ul>
      <button type="button" class="primary" data-autofocus onClick=${()=>t.startConversation()}>${e.newConversation}</button>
    </div>`}function lt({w:t,conv:e,greeting:n}){let o=t.t,r=Y(null),i=e?e.messages.filter(p=>p.kind!=="note"):[],a=e&&e.typingUntil>Date.now();P(()=>{r.current&&(r.current.scrollTop=r.current.scrollHeight)},[i.length,a]);let s=0;if(e)for(let p of i)p.sender.type==="contact"&&p.seq&&p.seq<=e.agentRead&&(s=p.seq);let _=e&&e.conversation,f=ut(t,e),c=f||t.inbox.queue,h=_&&_.status==="assigned",u=!h&&c&&c.open===!1,l=!h&&(u||!t.inbox.online||c&&c.available_agents===0);return _t(t,u&&c.opens_at),d`
    <div class="log" ref=${r} role="log" aria-live="polite" aria-relevant="additions" tabindex="0" aria-label=${o.conversations}>
      ${n?d`<div class="msg them greeting"><div class="bubble">${n}</div></div>`:null}
      ${i.map(p=>d`<${ft} key=${p.seq||p.client_id} w=${t} m=${p} seen=${p.seq&&p.seq===s} />`)}
      ${a?d`<div class="typing"><span class="visually-hidden">${o.typing}</span><span class="dot"></span><span class="dot"></span><span class="dot"></span></div>`:null}
    </div>
    <${pt} w=${t} conv=${e} queued=${f} />
    ${e&&e.conversation&&e.conversation.status==="resolved"?d`<${dt} key=${e.id} w=${t} conv=${e} />`:null}
    <${gt} w=${t} away=${l} back=${u?ct(t,c.opens_at):""} />`}function ct(t,e){let n=t.t,o=e&&new Date(e);if(!o||isNaN(o))return n.closed;let r=(navigator.languages||[]).find(s=>s.toLowerCase().split("-")[0]===t.lang)||t.lang,i=o-Date.now()<6*864e5,a=new Intl.DateTimeFormat(r,i?{weekday:"long",hour:"numeric",minute:"2-digit"}:{weekday:"long",day:"numeric",month:"long",hour:"numeric",minute:"2-digit"}).format(o);return n.closed+" "+n.backAt(a)}function _t(t,e){P(()=>{if(!e)return;let n=Math.min(new Date(e)-Date.now()+1e3,2147483647),o=setTimeout(()=>t.refreshOnline(),Math.max(n,1e3));return()=>clearTimeout(o)},[e])}function ut(t,e){let[n,o]=S(null),r=e&&e.conversation,i=!!r&&r.status==="pending",a=r?r.updated_at+" "+e.messages.length+" "+t.inbox.online+" "+(t.inbox.queue&&t.inbox.queue.available_agents+" "+t.inbox.queue.open):"";return P(()=>{if(!i){o(null);return}let s=!0,_=()=>t.api("/api/v1/conversations/"+e.id+"/queue").then(c=>s&&o({...c,id:e.id}),()=>{});_();let f=setInterval(_,nt);return()=>{s=!1,clearInterval(f)}},[e&&e.id,i,a]),i&&n&&n.id===e.id?n:null}function pt({w:t,conv:e,queued:n}){let o=t.t,r=e&&e.conversation,i=r&&r.status==="assigned"?r.assignee_id:"",a=i&&t.agents.get(i);P(()=>{i&&!(a&&a.name)&&t.loadAgents(e.id)},[i]);let s=null;if(n&&n.position>0){let _=n.estimated_wait_seconds;s=d`<span class="position">${o.queuePosition(n.position)}</span>${_!=null?d` · <span class="wait">${o.queueWait(_)}</span>`:null}`}else a&&a.name&&(s=d`<span class="agent">${o.withAgent(a.name)}</span>`);return d`<p class="queue" role="status" aria-live="polite">${s}</p>`}function dt({w:t,conv:e}){let n=t.t,o=t.storageKey()+":rated:"+e.id,[r,i]=S(()=>{try{return localStorage.getItem(o)?"done":"loading"}catch{return"loading"}}),[a,s]=S(0),[_,f]=S(""),[c,h]=S(""),u=p=>{try{localStorage.setItem(o,"1")}catch{}i(p)};P(()=>{r==="loading"&&t.api("/api/v1/conversations/"+e.id+"/rating").then(p=>p.rated?u("done"):i("ask"),()=>i("done"))},[e.id]);let l=async p=>{p.preventDefault(),h("");try{await t.api("/api/v1/conversations/"+e.id+"/rating",{method:"POST",body:{score:a,comment:_.trim()}}),u("thanks")}catch(y){y.status===409?u("done"):h(n.error)}};return r==="thanks"?d`<p class="rating-thanks" role="status">${n.rateThanks}</p>`:r!=="ask"?null:d`
    <form class="rating" onSubmit=${l}>
      <fieldset>
        <legend>${n.rateAsk}</legend>
        <div class="stars">
          ${[1,2,3,4,5].map(p=>d`<button type="button" key=${p} class=${"star"+(p<=a?" on":"")}
            aria-label=${n.rateScore(p)} aria-pressed=${p===a} onClick=${()=>s(p)}>★</button>`)}
        </div>
      </fieldset>
      ${a?d`<textarea rows="2" maxlength="1000" aria-label=${n.rateComment} placeholder=${n.rateComment} value=${_}
        onInput=${p=>f(p.target.value)}></textarea>`:null}
      ${c?d`<p class="error" role="alert">${c}</p>`:null}
      <div class="rating-actions">
        <button type="button" class="skip" onClick=${()=>u("done")}>${n.rateSkip}</button>
        <button type="submit" class="primary" disabled=${!a}>${n.rateSend}</button>
      </div>
    </form>`}function ft({w:t,m:e,seen:n}){let o=t.t,r=e.sender.type==="contact",i=e.created_at?new Date(e.created_at).toLocaleTimeString(t.lang,{hour:"2-digit",minute:"2-digit"}):"";if(e.kind==="event")return d`<div class="event">${e.body}</div>`;let a=r?null:t.sender(e);return d`
    <div class=${"msg "+(r?"me":"them")+(e.pending?" pending":"")} data-seq=${e.seq||""}>
      <div class="bubble">
        ${e.body?d`<span class="text">${e.body}</span>`:null}
        ${(e.attachments||[]).map(s=>d`<${ht} key=${s.id} w=${t} a=${s} />`)}
      </div>
      <div class="meta">
        ${a?d`${a.avatar?d`<img class="avatar" src=${a.avatar} alt=${a.name} referrerpolicy="no-referrer" />`:null}<span class="who">${a.name}</span> · `:null}<time>${i}</time>
        ${e.pending?d` · ${o.sending}`:n?d` · <span class="seen">${o.seen}</span>`:null}
      </div>
    </div>`}function ht({w:t,a:e}){let[n,o]=S(null),r=(e.content_type||"").startsWith("image/");P(()=>{if(!r)return;let a;return t.attachmentURL(e).then(s=>o(a=s),()=>{}),()=>a&&URL.revokeObjectURL(a)},[e.id]);let i=async a=>{a.preventDefault();let s=await t.attachmentURL(e),_=document.createElement("a");_.href=s,_.download=e.name||"file",_.click(),setTimeout(()=>URL.revokeObjectURL(s),1e4)};return r&&n?d`<img class="image" src=${n} alt=${e.name} />`:d`<a href="#" class="file" onClick=${i}>📎 ${e.name} <span class="visually-hidden">(${t.t.download})</span></a>`}function gt({w:t,away:e,back:n}){let o=t.t,[r,i]=S(""),[a,s]=S(""),_=Y(null),f=async u=>{u&&u.preventDefault();let l=r.trim();if(l){i(""),s("");try{await t.send(l)}catch{s(o.error)}}},c=u=>{u.key==="Enter"&&!u.shiftKey&&!u.isComposing&&f(u)},h=async()=>{let u=_.current.files[0];if(_.current.value="",!!u){s("");try{await t.upload(u)}catch(l){s(l.status===413?o.fileTooLarge:l.status===422?o.fileType:o.error)}}};return d`
    <form class=${"composer"+(e?" leave":"")} onSubmit=${f} aria-label=${e?o.leave:void 0}>
      ${n?d`<p class="leave-back">${n}</p>`:null}
      ${e?d`<p class="leave-intro">${o.leave}</p>`:null}
      ${a?d`<p class="error" role="alert">${a}</p>`:null}
      <div class="row">
        <label class="icon attach" title=${o.attach}>
          <input type="file" ref=${_} onChange=${h} class="visually-hidden" aria-label=${o.attach} />
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 12.5l-8.5 8.5a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
        </label>
        <textarea rows="1" placeholder=${e?o.leavePlaceholder:o.placeholder} aria-label=${e?o.leavePlaceholder:o.placeholder} value=${r}
          onInput=${u=>{i(u.target.value),t.typing()}} onKeyDown=${c}></textarea>
        <button type="submit" class="send" aria-label=${o.send} disabled=${!r.trim()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 12l16-8-6 16-2.5-6.5z" fill="currentColor"/></svg>
        </button>
      </div>
    </form>`}})();

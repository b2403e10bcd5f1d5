(()=>{var b,ge,Ie,D,X,B,me,F,be,ee,Z,je,O=Symbol.for("pv"),K={},V=[],Be=/^m(i|n|o|s|text|space)$/,te=Array.isArray,ne=V.slice,L=Object.assign;function E(t){t&&t.parentNode&&t.remove()}function xe(t,e,n){var i,a,o,r={},s=arguments.length;for(o in e)o=="key"?i=e[o]:o=="ref"&&typeof t!="function"?a=e[o]:r[o]=e[o];return s>2&&(r.children=s>3?ne.call(arguments,2):n),M(t,r,i,a,null)}function M(t,e,n,i,a){var o={type:t,props:e,key:n,ref:i,__k:null,__:null,__b:0,__e:null,__c:null,constructor:O,__v:a||++ge,__i:-1,__u:0};return!a&&b.vnode&&b.vnode(o),o}function Q(t){return t.children}function I(t,e){this.props=t,this.context=e,this.__g=0}function U(t,e){if(e==null)return t.__&&U(t.__,t.__i+1);for(var n;e<t.__k.length;e++)if((n=t.__k[e])&&n.__e)return n.__e;return typeof t.type!="function"||t.props.__P?null:U(t)}function Ke(t){var e,n=t.__v,i=n.__e,a=[],o=[],r=t.__P;r&&((e=L({constructor:O},n)).__v=n.__v+1,b.vnode&&b.vnode(e),oe(r,e,n,t.__n,r.namespaceURI,32&n.__u?[i]:null,a,i||U(n),32&n.__u,o),e.__v=n.__v,e.__.__k[e.__i]=e,Ce(a,e,o),n.__=n.__e=null,e.__e!=i&&ve(e))}function ve(t){if((t=t.__)&&t.__c&&!t.props.__P)return t.__e=null,t.__k.some(function(e){return e&&(t.__e=e.__e)}),ve(t)}function fe(t){(8&t.__g||(t.__g|=8,D.push(t),B++))&&X==b.debounceRendering||((X=b.debounceRendering)||queueMicrotask)(ye)}function ye(){try{for(var t,e=1;D.length;)D.length>e&&D.sort(me),t=D.shift(),e=D.length,8&t.__g&&Ke(t)}finally{(B=D.length)&&(X||queueMicrotask)(ye)}}function $e(t,e,n,i,a,o,r,s,c,h,_){var p,u,l,d,y,m,x=i.__k||V,g=e.length;for(c=Ve(n,e,x,c,g),p=0;p<g;p++)(l=n.__k[p])!=null&&(u=~l.__i&&x[l.__i]||K,l.__i=p,m=oe(t,l,u,a,o,r,s,c,h,_),d=l.__e,(u.ref!=l.ref||8&u.__u)&&(u.ref&&ie(u.ref,null,l,u),l.ref&&_.push(l.ref,l.__c||d,l)),y=y||d,4&l.__u?(c=ke(l,c,t,!u.__v),u.__e&&(u.__e=null)):typeof l.type=="function"&&m!==void 0?c=m:d&&(c=d.nextSibling),l.__u&=-21);return n.__e=y,c}function Ve(t,e,n,i,a){var o,r,s,c,h,_,p,u,l,d=n.length,y=d,m=0,x=0,g=t.__k=Array(a);for(o=0;o<a;o++)(r=e[o])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=g[o]=M(null,r):te(r)?r=g[o]=M(Q,{children:r}):r.constructor===O&&r.__b?r=g[o]=M(r.type,r.props,r.key,r.ref,r.__v):g[o]=r,c=o+m,r.__=t,r.__b=t.__b+1,s=null,~(h=r.__i=Qe(r,n,c,y))&&(y--,(s=n[h])&&(s.__u|=2)),s&&s.__v?(r.__u|=16,h==c-1?m--:h==c+1?m++:h!=c&&(h>c?m--:m++,x=1)):(~h||(a>d?m--:a<d&&m++),typeof r.type!="function"&&(r.__u|=4))):g[o]=null;if(x){for(_=[],p=[],o=0;o<a;o++)if((r=g[o])&&16&r.__u){for(m=0,u=_.length;m<u;)_[l=m+u>>1]<r.__i?m=l+1:u=l;_[m]=r.__i,p[o]=m+1}for(m=_.length;o--;)p[o]&&(p[o]==m?m--:g[o].__u|=4)}if(y)for(o=0;o<d;o++)!(s=n[o])||2&s.__u||(s.__e==i&&(i=U(s)),re(s,s));return i}function ke(t,e,n,i){var a,o,r,s;if(typeof t.type=="function"){if(t.props.__P)return e;if(a=t.__k)for(o=0;o<a.length;o++)a[o]&&(a[o].__=t,e=ke(a[o],e,n,!1));return e}for(e&&!e.parentNode&&(e=U(t))&&!e.parentNode&&(e=null),r=t.__e,s=e;s&&s.nodeType==8;)s=s.nextSibling;for(r!=s&&(!i&&n.moveBefore&&r.parentNode?n.moveBefore(r,e):n.insertBefore(r,e||null)),e=r;(e=e&&e.nextSibling)&&e.nodeType==8&&!e.data.startsWith("$s"););return e}function Qe(t,e,n,i){var a,o=t.key,r=t.type,s=e[n],c=s&&!(2&s.__u);if(s===null&&o==null||c&&o==s.key&&r==s.type)return n;if(i>(c?1:0)){for(a=n-1;a>=0;a--)if((s=e[a])&&!(2&s.__u)&&o==s.key&&r==s.type)return a;for(a=n+1;a<e.length;a++)if((s=e[a])&&!(2&s.__u)&&o==s.key&&r==s.type)return a}return-1}function he(t,e,n){n==null&&(n=""),e[0]=="-"?t.setProperty(e,n):t[e]=n}function W(t,e,n,i,a){var o,r;if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof i=="string"&&(t.style.cssText=i=""),i)for(e in i)n&&e in n||he(t.style,e);if(n)for(e in n)i&&n[e]==i[e]||he(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")typeof n!="function"&&(n=null),typeof i!="function"&&(i=null),(t.__e||(t.__e={}))[e]=n,n&&i||(r=Z[e]||(Z[e]=Ge(e)),(t.__a||(t.__a={}))[e]=ee,o=e!=(e=e.replace(be,"$1")),(e=e.slice(2))[0]<"a"&&(e=e.toLowerCase()),n?t.addEventListener(e,r,o):t.removeEventListener(e,r,o));else{if(a=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{return void(t[e]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n)}}function Ge(t){return function(e){var n=this.__e;if(n){if(n=n[t],e[F]==null)e[F]=ee++;else if(e[F]<this.__a[t])return;return n(b.event?b.event(e):e)}}}function oe(t,e,n,i,a,o,r,s,c,h){var _,p,u,l,d,y,m,x,g,w,v,J,pe,N,q,de,T,H,P=e.type;if(e.constructor!==O)return null;128&n.__u&&(c=32&n.__u,_=n.__c.__z)&&(e.__u|=c,p=o=[],_.nodeType==8?s=j(_,o):o.push(_),s=o[0]||s),(_=b.__b)&&_(e);e:if(typeof P=="function"){u=r.length;try{if(x=e.props,g=(_=P.prototype)&&_.render,w=(_=P.contextType)&&i[_.__c],v=_?w?w.props.value:_.__:i,(l=n.__c)?(e.__c=l,2&l.__g&&(l.__g|=1)):(g?e.__c=l=new P(x,v):(e.__c=l=new I(x,v),l.constructor=P,l.render=Je),w&&w.sub(l),l.state||(l.state={}),l.__n=i,l.__g|=8,l.__h=[],l.__k=[]),g&&(l.__s||(l.__s=l.state),P.getDerivedStateFromProps&&(l.__s==l.state&&(l.__s=L({},l.__s)),L(l.__s,P.getDerivedStateFromProps(x,l.__s)))),d=l.props,y=l.state,l.__v=e,n.__c){if(x!==d&&g&&!P.getDerivedStateFromProps&&l.componentWillReceiveProps&&l.componentWillReceiveProps(x,v),e.__v==n.__v&&!(8&l.__g)||!(4&l.__g)&&l.shouldComponentUpdate&&l.shouldComponentUpdate(x,l.__s,v)===!1){e.__v!=n.__v&&(l.props=x,l.state=l.__s,l.__g&=-9),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(C){C&&(C.__=e)}),V.push.apply(l.__h,l.__k),l.__k=[],l.__h.length&&r.push(l),s=U(n);break e}l.componentWillUpdate&&l.componentWillUpdate(x,l.__s,v),g&&l.componentDidUpdate&&l.__h.push(function(){l.componentDidUpdate(d,y,m)})}else g&&!P.getDerivedStateFromProps&&l.componentWillMount&&l.componentWillMount(),g&&l.componentDidMount&&l.__h.push(l.componentDidMount);l.context=v,l.props=x,l.__P=t,l.__g&=-5,J=b.__r,pe=g?25:0;do l.__g&=-9,J&&J(e),_=l.render(l.props,l.state=l.__s,l.context);while(8&l.__g&&++pe<25);g&&(V.push.apply(l.__h,l.__k),l.__k=[]),l.state=l.__s,l.getChildContext&&(i=L({},i,l.getChildContext())),g&&n.__c&&l.getSnapshotBeforeUpdate&&(m=l.getSnapshotBeforeUpdate(d,y)),N=_&&_.type===Q&&_.key==null?_.props.children:_,x.__P&&(_=s,a=(t=x.__P).namespaceURI,c=o=null,n.props&&n.props.__P!=t&&(n.__k.some(function(C){C&&re(C,C)}),n.__k=null),s=n.__k?U(n,0):null),s=$e(t,te(N)?N:[N],e,n,i,a,o,r,s,c,h),x.__P&&(e.__e=null,s=_),e.__u&=-161,p&&p.some(E),l.__h.length&&r.push(l),1&l.__g&&(l.__g&=-4)}catch(C){if(r.length=u,e.__v=null,c||o)if(C&&C.then){if(e.__u|=128|c,o){for(~(T=o.indexOf(s||void 0))||(T=o.length);(H=o[T-1])&&H.nodeType==8;)T--;for(;T<o.length;T++)if(H=o[T])if(o[T]=null,q){if(H==de)break}else{if(H.nodeType!=8)break;H.data.startsWith("$s")&&(de=j(q=H))}}if(!q){for(;s&&s.nodeType==8&&s.nextSibling;)s=s.nextSibling;q=s}(_=j(q=e.__c.__z||(e.__c.__z=q)))?(e.__e=q,s=_):e.__e=s,s=s&&s.nextSibling}else o&&o.some(E);else e.__e=n.__e;e.__k||(e.__k=n.__k||[]),C&&C.then||we(e),b.__e(C,e,n)}}else s=e.__e=Ye(n.__e,e,n,i,a,o,r,c,h,t);return(_=b.diffed)&&_(e),s}function j(t,e){if(t&&t.nodeType==8&&t.data.startsWith("$s"))for(var n=1;t=t.nextSibling;){if(t.nodeType==8){if(t.data.startsWith("$s"))n++;else if(t.data.startsWith("/$s")&&!--n)return t}e&&e.push(t)}}function we(t){t&&(t.__c&&(t.__c.__g|=4),t.__k&&t.__k.some(we))}function Ce(t,e,n){for(var i=0;i<n.length;)ie(n[i++],n[i++],n[i++]);b.__c&&b.__c(e,t),t.some(function(a){try{t=a.__h,a.__h=[],t.some(function(o){o.call(a)})}catch(o){b.__e(o,a.__v)}})}function Ye(t,e,n,i,a,o,r,s,c,h){var _,p,u,l,d,y,m,x,g=n.props||K,w=e.props,v=e.type;if(v=="svg"?a="http://www.w3.org/2000/svg":v=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),o){for(_=0;_<o.length;_++)if((d=o[_])&&(v?d.localName==v:d.nodeType==3)){t=d,o[_]=null;break}}if(!t){if(x=h.ownerDocument||document,!v)return x.createTextNode(w);t=x.createElementNS(a,v,w.is?w:h),s&&(b.__m&&b.__m(e,o),s=!1),o=null}if(v){if(h=v=="template"&&t.content||t,o=v=="textarea"&&w.defaultValue!=null?null:o&&ne.call(h.childNodes),!s&&o)for(g={},_=0;_<t.attributes.length;_++)g[(d=t.attributes[_]).name]=d.value;for(_ in g)d=g[_],_=="dangerouslySetInnerHTML"?u=d:_=="children"||_ in w||_=="value"&&"defaultValue"in w||_=="checked"&&"defaultChecked"in w||W(t,_,null,d,a);for(_ in w)d=w[_],_=="children"?l=d:_=="dangerouslySetInnerHTML"?p=d:_=="value"?y=d:_=="checked"?m=d:s&&typeof d!="function"||g[_]===d||W(t,_,d,g[_],a);p?(s||u&&(p.__html==u.__html||p.__html==t.innerHTML)||(t.innerHTML=p.__html),e.__k=[]):(u&&(t.textContent=""),(v=="foreignObject"||a=="http://www.w3.org/1998/Math/MathML"&&Be.test(v))&&(a="http://www.w3.org/1999/xhtml"),$e(h,te(l)?l:[l],e,n,i,a,o,r,o?o[0]:n.__k&&U(n,0),s,c),o&&o.some(E)),s&&v!="textarea"||(_="value",v=="progress"&&y==null?t.removeAttribute(_):y==null||y===t[_]&&(v!="progress"||y)||W(t,_,y,g[_],a),_="checked",m!=null&&m!=t[_]&&W(t,_,m,g[_],a))}else g===w||s&&t.data==w||(t.data=w);return t}function ie(t,e,n,i){try{typeof t=="function"?e?e.__x=t(e)||1:i&&(i=i.__c||i.__e)&&(e=i.__x)&&(i.__x=null,typeof e=="function"?e():t(null)):t.current=e}catch(a){b.__e(a,n)}}function re(t,e,n){var i,a,o,r;if(b.unmount&&b.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||ie(i,null,e,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(s){b.__e(s,e)}i.__P=i.__n=null}if(i=t.__k)for(r=0;r<i.length;r++)i[r]&&re(i[r],e,typeof t.type!="function"||n&&!t.props.__P);!n&&(i=t.__c)&&(i=i.__z)&&(a=j(i,o=[]))&&(i==t.__e&&o.some(E),E(a),E(i)),n||E(t.__e),t.__e=t.__c=t.__=null}function Je(t,e,n){return this.constructor(t,n)}function Se(t,e){var n,i,a,o;b.__&&b.__(t,e),e.nodeType==9&&(e=e.documentElement),i=(n=t&&32&t.__u)?null:e.__k,e.__k=M(Q,{children:[t]}),a=[],o=[],oe(e,e.__k,i||K,K,e.namespaceURI,i?null:e.firstChild?ne.call(e.childNodes):null,a,i?i.__e:e.firstChild,n,o),Ce(a,e.__k,o),e.__k.props.children=null}b={__e:function(t,e,n,i){for(var a,o,r;e=e.__;)if((a=e.__c)&&!(1&a.__g)){a.__g|=4;try{if((r=(o=a.constructor)&&o.getDerivedStateFromError)&&a.setState(o.getDerivedStateFromError(t)),a.componentDidCatch&&(a.componentDidCatch(t,i||{}),r=1),r&&8&a.__g)return void(a.__g|=2)}catch(s){t=s}}throw B=0,t}},ge=0,Ie=function(t){return t!=null&&t.constructor===O},I.prototype.setState=function(t,e){var n=this.__s;n&&n!=this.state||(n=this.__s=L({},this.state)),typeof t=="function"&&(t=t(L({},n),this.props)),t&&(L(n,t),this.__v&&(e&&this.__k.push(e),fe(this)))},I.prototype.forceUpdate=function(t){this.__v&&(this.__g|=4,t&&this.__h.push(t),fe(this))},I.prototype.render=Q,D=[],B=0,me=function(t,e){return t.__v.__b-e.__v.__b},F=Symbol(),be=/(PointerCapture)$|Capture$/i,ee=0,Z={},je=0;var A,k,ae,Pe,se=Object.is,G=0,Me=[],le=[],$=b,ze=$.__b,Te=$.__r,De=$.diffed,Ue=$.__c,qe=$.unmount,He=$.__;function ce(t,e){$.__h&&$.__h(k,t,G||e),G=0;var n=k.__H||(k.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function S(t){return G=1,ue(Re,t)}function ue(t,e,n){var i=ce(A++,2);if(i.t=t,!i.__c&&(i.__=[n?n(e):Re(void 0,e),function(o){var r=(i.__N||i.__)[0],s=i.t(r,o);se(r,s)||(i.__N=[s,i.__[1]],i.__c.setState({}))}],i.__c=k,!k.__f)){k.__f=!0;var a=k.shouldComponentUpdate;k.shouldComponentUpdate=function(o,r,s){var c=this.__H;if(!c)return!0;var h=!1,_=this.props!=o;if(c.__.some(function(u){u.__N&&(h=!0,se(u.__[0],u.__N[0])||(_=!0))}),a){var p=a.call(this,o,r,s);return h?p||_:p}return!h||_}}return i.__}function z(t,e){var n=ce(A++,3);!$.__s&&Oe(n.__H,e)&&(n.__P=!0,n.__=t,n.u=e,k.__H.__h.push(n))}function Y(t){return G=5,Xe(function(){return{current:t}},[])}function Xe(t,e){var n=ce(A++,7);return Oe(n.__H,e)&&(n.__=t(),n.__H=e),n.__}function Ze(){var t;do{for(;t=le.shift();)try{R(t)}catch(n){$.__e(n,{__:(t=t.__P)&&t.__v})}for(;t=Me.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(R),e.__h.some(_e),e.__h=[]}catch(n){e.__h=[],$.__e(n,t.__v)}}}while(le.length)}$.__b=function(t){k=null,ze&&ze(t)},$.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),He&&He(t,e)},$.__r=function(t){Te&&Te(t),A=0;var e=(k=t.__c).__H;e&&(ae==k?k.__h=[]:(e.__h.some(R),e.__h.some(_e),A=0),e.__h=[],e.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),ae=k},$.diffed=function(t){De&&De(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&Le(Me.push(e)),e.__H.__.some(function(n){n.u&&(n.__H=n.u)})),ae=k=null},$.__c=function(t,e){e.some(function(n){try{n.__h.some(R),n.__h=n.__h.filter(function(i){return!i.__||_e(i)})}catch(i){n.__h=[function(){throw i}]}}),Ue&&Ue(t,e)},$.unmount=function(t){qe&&qe(t);var e,n,i=t.__c;i&&i.__H&&(i.__H.__.some(function(a){try{if(a.__P&&a.__c){if(n===void 0){for(n=t.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}a.__P=n,Le(le.push(a))}else R(a)}catch(o){e=o}}),i.__H=void 0,e&&$.__e(e,i.__v))};var Ee=typeof requestAnimationFrame=="function";function et(t){var e,n=function(){clearTimeout(i),Ee&&cancelAnimationFrame(e),setTimeout(t)},i=setTimeout(n,35);Ee&&(e=requestAnimationFrame(n))}function Le(t){t!=1&&Pe==$.requestAnimationFrame||((Pe=$.requestAnimationFrame)||et)(Ze)}function R(t){var e=k,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),k=e}function _e(t){var e=k;t.__c=t.__(),k=e}function Oe(t,e){return!t||t.length!=e.length||e.some(function(n,i){return!se(n,t[i])})}function Re(t,e){return typeof e=="function"?e(t):e}var Ne=function(t,e,n,i){var a;e[0]=0;for(var o=1;o<e.length;o++){var r=e[o++],s=e[o]?(e[0]|=r?1:2,n[e[o++]]):e[++o];r===3?i[0]=s:r===4?i[1]=Object.assign(i[1]||{},s):r===5?(i[1]=i[1]||{})[e[++o]]=s:r===6?i[1][e[++o]]+=s+"":r?(a=t.apply(s,Ne(t,s,n,["",null])),i.push(a),s[0]?e[0]|=2:(e[o-2]=0,e[o]=a)):i.push(s)}return i},Ae=new Map;function We(t){var e=Ae.get(this);return e||(e=new Map,Ae.set(this,e)),(e=Ne(this,e.get(t)||(e.set(t,e=(function(n){for(var i,a,o=1,r="",s="",c=[0],h=function(u){o===1&&(u||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,u,r):o===3&&(u||r)?(c.push(3,u,r),o=2):o===2&&r==="..."&&u?c.push(4,u,0):o===2&&r&&!u?c.push(5,0,!0,r):o>=5&&((r||!u&&o===5)&&(c.push(o,0,r,a),o=6),u&&(c.push(o,u,0,a),o=6)),r=""},_=0;_<n.length;_++){_&&(o===1&&h(),h(_));for(var p=0;p<n[_].length;p++)i=n[_][p],o===1?i==="<"?(h(),c=[c],o=3):r+=i:o===4?r==="--"&&i===">"?(o=1,r=""):r=i+r[0]:s?i===s?s="":r+=i:i==='"'||i==="'"?s=i:i===">"?(h(),o=1):o&&(i==="="?(o=5,a=r,r=""):i==="/"&&(o<5||n[_][p+1]===">")?(h(),o===3&&(c=c[0]),o=c,(c=c[0]).push(2,0,o),o=0):i===" "||i==="	"||i===`
`||i==="\r"?(h(),o=2):r+=i),o===3&&r==="!--"&&(o=4,c=c[0])}return h(),c})(t)),e),arguments,[])).length>1?e:e[0]}var Fe=`.slot{position:absolute;bottom:76px;right:0}
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
`;var f=We.bind(xe),nt=1e4;window.__parleyChat=(t,e,n,i)=>{i(e,Fe),Se(f`<${it} w=${n} />`,t)};function ot(t){let[,e]=ue(n=>n+1,0);z(()=>t.subscribe(e),[t])}function it({w:t}){ot(t),z(()=>t.on("availability",()=>t.isOpen&&t.refreshOnline()),[t]);let e=Y(null),n=t.t,i=t.inbox.widget||{},a=i.title||t.inbox.name||"Chat",o=t.current&&t.convs.get(t.current),r=!o&&t.convs.size>0,s=i.prechat||{},c=s.enabled&&(s.fields||[]).length&&!t.convs.size&&!t.prechatDone();z(()=>{if(t.isOpen&&e.current){let _=e.current.querySelector("textarea, [data-autofocus]");_&&_.focus()}},[t.isOpen,t.current,!!c]);let h=_=>{if(_.key==="Escape"){_.stopPropagation(),t.setOpen(!1);let p=e.current.getRootNode().querySelector(".launcher");p&&p.focus()}};return f`
    <div id="parley-panel" ref=${e} class=${"panel"+(t.isOpen?" open":"")} role="dialog"
      aria-label=${a} aria-hidden=${!t.isOpen} inert=${!t.isOpen} onKeyDown=${h} lang=${t.lang}>
      <div class="head">
        ${o&&t.convs.size>1?f`<button type="button" class="icon back" aria-label=${n.back} onClick=${()=>t.show(null)}>‹</button>`:null}
        ${t.inbox.branding?.agent_avatar_url?f`<img class="team-avatar" src=${t.inbox.branding.agent_avatar_url} alt="" />`:null}
        <div class="titles">
          <h2>${a}</h2>
          <p class="sub"><span class=${"dot "+(t.inbox.online?"on":"off")} aria-hidden="true"></span>${t.inbox.online?n.online:n.offline}</p>
        </div>
        <button type="button" class="icon" aria-label=${n.close} onClick=${()=>t.setOpen(!1)}>×</button>
      </div>
      <${at} w=${t} />
      ${c?f`<${rt} w=${t} fields=${s.fields} />`:r?f`<${st} w=${t} />`:f`<${lt} w=${t} conv=${o} greeting=${t.invitation?.message||i.greeting} />`}
      <div class="brand">Chat by Parley</div>
    </div>`}function rt({w:t,fields:e}){let n=t.t,[i,a]=S("");return f`
    <form class="prechat" onSubmit=${async r=>{r.preventDefault();let s=Object.fromEntries(new FormData(r.target));try{await t.introduce(s)}catch(c){a(c.status===422?n.email+": "+n.error:n.error)}}}>
      <p>${n.prechatIntro}</p>
      ${e.map((r,s)=>f`<label key=${r}>${n[r]}
        <input name=${r} type=${r==="email"?"email":"text"} required autocomplete=${r} data-autofocus=${s===0||void 0} /></label>`)}
      ${i?f`<p class="error" role="alert">${i}</p>`:null}
      <button type="submit" class="primary">${n.start}</button>
    </form>`}function at({w:t}){let e=t.t;return t.state!=="reconnecting"&&t.state!=="connecting"?null:f`<div class="status" role="status">${t.state==="connecting"?e.connecting:e.reconnecting}</div>`}function st({w:t}){let e=t.t;return f`
    <div class="list">
      <h3 class="list-title">${e.conversations}</h3>
      <ul>
        ${t.list().map(n=>{let i=n.messages[n.messages.length-1],a=n.conversation&&n.conversation.status==="resolved";return f`<li key=${n.id}>
            <button type="button" class="conv-item" onClick=${()=>t.show(n.id)}>
              <span class="preview">${i?(i.sender.type==="contact"?e.you+": ":"")+(i.body||"📎"):e.newConversation}</span>
              ${a?f`<span class="tag">${e.resolved}</span>`:null}
              ${n.unread?f`<span class="count" aria-label=${e.unread(n.unread)}>${n.unread}</span>`:null}
            </button>
          </li>`})}
      </ul>
      <button type="button" class="primary" data-autofocus onClick=${()=>t.startConversation()}>${e.newConversation}</button>
    </div>`}function lt({w:t,conv:e,greeting:n}){let i=t.t,a=Y(null),o=e?e.messages.filter(u=>u.kind!=="note"):[],r=e&&e.typingUntil>Date.now();z(()=>{a.current&&(a.current.scrollTop=a.current.scrollHeight)},[o.length,r]);let s=0;if(e)for(let u of o)u.sender.type==="contact"&&u.seq&&u.seq<=e.agentRead&&(s=u.seq);let c=e&&e.conversation,h=_t(t,e),_=h||t.inbox.queue,p=!(c&&c.status==="assigned")&&(!t.inbox.online||_&&_.available_agents===0);return f`
    <div class="log" ref=${a} role="log" aria-live="polite" aria-relevant="additions" tabindex="0" aria-label=${i.conversations}>
      ${n?f`<div class="msg them greeting"><div class="bubble">${n}</div></div>`:null}
      ${o.map(u=>f`<${pt} key=${u.seq||u.client_id} w=${t} m=${u} seen=${u.seq&&u.seq===s} />`)}
      ${r?f`<div class="typing"><span class="visually-hidden">${i.typing}</span><span class="dot"></span><span class="dot"></span><span class="dot"></span></div>`:null}
    </div>
    <${ct} w=${t} conv=${e} queued=${h} />
    ${e&&e.conversation&&e.conversation.status==="resolved"?f`<${ut} key=${e.id} w=${t} conv=${e} />`:null}
    <${ft} w=${t} away=${p} />`}function _t(t,e){let[n,i]=S(null),a=e&&e.conversation,o=!!a&&a.status==="pending",r=a?a.updated_at+" "+e.messages.length+" "+t.inbox.online+" "+(t.inbox.queue&&t.inbox.queue.available_agents):"";return z(()=>{if(!o){i(null);return}let s=!0,c=()=>t.api("/api/v1/conversations/"+e.id+"/queue").then(_=>s&&i({..._,id:e.id}),()=>{});c();let h=setInterval(c,nt);return()=>{s=!1,clearInterval(h)}},[e&&e.id,o,r]),o&&n&&n.id===e.id?n:null}function ct({w:t,conv:e,queued:n}){let i=t.t,a=e&&e.conversation,o=a&&a.status==="assigned"?a.assignee_id:"",r=o&&t.agents.get(o);z(()=>{o&&!(r&&r.name)&&t.loadAgents(e.id)},[o]);let s=null;if(n&&n.position>0){let c=n.estimated_wait_seconds;s=f`<span class="position">${i.queuePosition(n.position)}</span>${c!=null?f` · <span class="wait">${i.queueWait(c)}</span>`:null}`}else r&&r.name&&(s=f`<span class="agent">${i.withAgent(r.name)}</span>`);return f`<p class="queue" role="status" aria-live="polite">${s}</p>`}function ut({w:t,conv:e}){let n=t.t,i=t.storageKey()+":rated:"+e.id,[a,o]=S(()=>{try{return localStorage.getItem(i)?"done":"loading"}catch{return"loading"}}),[r,s]=S(0),[c,h]=S(""),[_,p]=S(""),u=d=>{try{localStorage.setItem(i,"1")}catch{}o(d)};z(()=>{a==="loading"&&t.api("/api/v1/conversations/"+e.id+"/rating").then(d=>d.rated?u("done"):o("ask"),()=>o("done"))},[e.id]);let l=async d=>{d.preventDefault(),p("");try{await t.api("/api/v1/conversations/"+e.id+"/rating",{method:"POST",body:{score:r,comment:c.trim()}}),u("thanks")}catch(y){y.status===409?u("done"):p(n.error)}};return a==="thanks"?f`<p class="rating-thanks" role="status">${n.rateThanks}</p>`:a!=="ask"?null:f`
    <form class="rating" onSubmit=${l}>
      <fieldset>
        <legend>${n.rateAsk}</legend>
        <div class="stars">
          ${[1,2,3,4,5].map(d=>f`<button type="button" key=${d} class=${"star"+(d<=r?" on":"")}
            aria-label=${n.rateScore(d)} aria-pressed=${d===r} onClick=${()=>s(d)}>★</button>`)}
        </div>
      </fieldset>
      ${r?f`<textarea rows="2" maxlength="1000" aria-label=${n.rateComment} placeholder=${n.rateComment} value=${c}
        onInput=${d=>h(d.target.value)}></textarea>`:null}
      ${_?f`<p class="error" role="alert">${_}</p>`:null}
      <div class="rating-actions">
        <button type="button" class="skip" onClick=${()=>u("done")}>${n.rateSkip}</button>
        <button type="submit" class="primary" disabled=${!r}>${n.rateSend}</button>
      </div>
    </form>`}function pt({w:t,m:e,seen:n}){let i=t.t,a=e.sender.type==="contact",o=e.created_at?new Date(e.created_at).toLocaleTimeString(t.lang,{hour:"2-digit",minute:"2-digit"}):"";if(e.kind==="event")return f`<div class="event">${e.body}</div>`;let r=a?null:t.sender(e);return f`
    <div class=${"msg "+(a?"me":"them")+(e.pending?" pending":"")} data-seq=${e.seq||""}>
      <div class="bubble">
        ${e.body?f`<span class="text">${e.body}</span>`:null}
        ${(e.attachments||[]).map(s=>f`<${dt} key=${s.id} w=${t} a=${s} />`)}
      </div>
      <div class="meta">
        ${r?f`${r.avatar?f`<img class="avatar" src=${r.avatar} alt=${r.name} referrerpolicy="no-referrer" />`:null}<span class="who">${r.name}</span> · `:null}<time>${o}</time>
        ${e.pending?f` · ${i.sending}`:n?f` · <span class="seen">${i.seen}</span>`:null}
      </div>
    </div>`}function dt({w:t,a:e}){let[n,i]=S(null),a=(e.content_type||"").startsWith("image/");z(()=>{if(!a)return;let r;return t.attachmentURL(e).then(s=>i(r=s),()=>{}),()=>r&&URL.revokeObjectURL(r)},[e.id]);let o=async r=>{r.preventDefault();let s=await t.attachmentURL(e),c=document.createElement("a");c.href=s,c.download=e.name||"file",c.click(),setTimeout(()=>URL.revokeObjectURL(s),1e4)};return a&&n?f`<img class="image" src=${n} alt=${e.name} />`:f`<a href="#" class="file" onClick=${o}>📎 ${e.name} <span class="visually-hidden">(${t.t.download})</span></a>`}function ft({w:t,away:e}){let n=t.t,[i,a]=S(""),[o,r]=S(""),s=Y(null),c=async p=>{p&&p.preventDefault();let u=i.trim();if(u){a(""),r("");try{await t.send(u)}catch{r(n.error)}}},h=p=>{p.key==="Enter"&&!p.shiftKey&&!p.isComposing&&c(p)},_=async()=>{let p=s.current.files[0];if(s.current.value="",!!p){r("");try{await t.upload(p)}catch(u){r(u.status===413?n.fileTooLarge:u.status===422?n.fileType:n.error)}}};return f`
    <form class=${"composer"+(e?" leave":"")} onSubmit=${c} aria-label=${e?n.leave:void 0}>
      ${e?f`<p class="leave-intro">${n.leave}</p>`:null}
      ${o?f`<p class="error" role="alert">${o}</p>`:null}
      <div class="row">
        <label class="icon attach" title=${n.attach}>
          <input type="file" ref=${s} onChange=${_} class="visually-hidden" aria-label=${n.attach} />
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 12.5l-8.5 8.5a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
        </label>
        <textarea rows="1" placeholder=${e?n.leavePlaceholder:n.placeholder} aria-label=${e?n.leavePlaceholder:n.placeholder} value=${i}
          onInput=${p=>{a(p.target.value),t.typing()}} onKeyDown=${h}></textarea>
        <button type="submit" class="send" aria-label=${n.send} disabled=${!i.trim()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 12l16-8-6 16-2.5-6.5z" fill="currentColor"/></svg>
        </button>
      </div>
    </form>`}})();

(()=>{var v,ge,je,z,X,B,me,F,ve,ee,Z,Ie,q=Symbol.for("pv"),K={},V=[],Be=/^m(i|n|o|s|text|space)$/,te=Array.isArray,ne=V.slice,E=Object.assign;function M(t){t&&t.parentNode&&t.remove()}function be(t,e,n){var i,a,o,r={},s=arguments.length;for(o in e)o=="key"?i=e[o]:o=="ref"&&typeof t!="function"?a=e[o]:r[o]=e[o];return s>2&&(r.children=s>3?ne.call(arguments,2):n),R(t,r,i,a,null)}function R(t,e,n,i,a){var o={type:t,props:e,key:n,ref:i,__k:null,__:null,__b:0,__e:null,__c:null,constructor:q,__v:a||++ge,__i:-1,__u:0};return!a&&v.vnode&&v.vnode(o),o}function G(t){return t.children}function j(t,e){this.props=t,this.context=e,this.__g=0}function D(t,e){if(e==null)return t.__&&D(t.__,t.__i+1);for(var n;e<t.__k.length;e++)if((n=t.__k[e])&&n.__e)return n.__e;return typeof t.type!="function"||t.props.__P?null:D(t)}function Ke(t){var e,n=t.__v,i=n.__e,a=[],o=[],r=t.__P;r&&((e=E({constructor:q},n)).__v=n.__v+1,v.vnode&&v.vnode(e),oe(r,e,n,t.__n,r.namespaceURI,32&n.__u?[i]:null,a,i||D(n),32&n.__u,o),e.__v=n.__v,e.__.__k[e.__i]=e,Ce(a,e,o),n.__=n.__e=null,e.__e!=i&&xe(e))}function xe(t){if((t=t.__)&&t.__c&&!t.props.__P)return t.__e=null,t.__k.some(function(e){return e&&(t.__e=e.__e)}),xe(t)}function fe(t){(8&t.__g||(t.__g|=8,z.push(t),B++))&&X==v.debounceRendering||((X=v.debounceRendering)||queueMicrotask)(ye)}function ye(){try{for(var t,e=1;z.length;)z.length>e&&z.sort(me),t=z.shift(),e=z.length,8&t.__g&&Ke(t)}finally{(B=z.length)&&(X||queueMicrotask)(ye)}}function $e(t,e,n,i,a,o,r,s,c,h,_){var d,p,l,u,y,m,b=i.__k||V,g=e.length;for(c=Ve(n,e,b,c,g),d=0;d<g;d++)(l=n.__k[d])!=null&&(p=~l.__i&&b[l.__i]||K,l.__i=d,m=oe(t,l,p,a,o,r,s,c,h,_),u=l.__e,(p.ref!=l.ref||8&p.__u)&&(p.ref&&ie(p.ref,null,l,p),l.ref&&_.push(l.ref,l.__c||u,l)),y=y||u,4&l.__u?(c=ke(l,c,t,!p.__v),p.__e&&(p.__e=null)):typeof l.type=="function"&&m!==void 0?c=m:u&&(c=u.nextSibling),l.__u&=-21);return n.__e=y,c}function Ve(t,e,n,i,a){var o,r,s,c,h,_,d,p,l,u=n.length,y=u,m=0,b=0,g=t.__k=Array(a);for(o=0;o<a;o++)(r=e[o])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=g[o]=R(null,r):te(r)?r=g[o]=R(G,{children:r}):r.constructor===q&&r.__b?r=g[o]=R(r.type,r.props,r.key,r.ref,r.__v):g[o]=r,c=o+m,r.__=t,r.__b=t.__b+1,s=null,~(h=r.__i=Ge(r,n,c,y))&&(y--,(s=n[h])&&(s.__u|=2)),s&&s.__v?(r.__u|=16,h==c-1?m--:h==c+1?m++:h!=c&&(h>c?m--:m++,b=1)):(~h||(a>u?m--:a<u&&m++),typeof r.type!="function"&&(r.__u|=4))):g[o]=null;if(b){for(_=[],d=[],o=0;o<a;o++)if((r=g[o])&&16&r.__u){for(m=0,p=_.length;m<p;)_[l=m+p>>1]<r.__i?m=l+1:p=l;_[m]=r.__i,d[o]=m+1}for(m=_.length;o--;)d[o]&&(d[o]==m?m--:g[o].__u|=4)}if(y)for(o=0;o<u;o++)!(s=n[o])||2&s.__u||(s.__e==i&&(i=D(s)),re(s,s));return i}function ke(t,e,n,i){var a,o,r,s;if(typeof t.type=="function"){if(t.props.__P)return e;if(a=t.__k)for(o=0;o<a.length;o++)a[o]&&(a[o].__=t,e=ke(a[o],e,n,!1));return e}for(e&&!e.parentNode&&(e=D(t))&&!e.parentNode&&(e=null),r=t.__e,s=e;s&&s.nodeType==8;)s=s.nextSibling;for(r!=s&&(!i&&n.moveBefore&&r.parentNode?n.moveBefore(r,e):n.insertBefore(r,e||null)),e=r;(e=e&&e.nextSibling)&&e.nodeType==8&&!e.data.startsWith("$s"););return e}function Ge(t,e,n,i){var a,o=t.key,r=t.type,s=e[n],c=s&&!(2&s.__u);if(s===null&&o==null||c&&o==s.key&&r==s.type)return n;if(i>(c?1:0)){for(a=n-1;a>=0;a--)if((s=e[a])&&!(2&s.__u)&&o==s.key&&r==s.type)return a;for(a=n+1;a<e.length;a++)if((s=e[a])&&!(2&s.__u)&&o==s.key&&r==s.type)return a}return-1}function he(t,e,n){n==null&&(n=""),e[0]=="-"?t.setProperty(e,n):t[e]=n}function W(t,e,n,i,a){var o,r;if(e=="style")if(typeof n=="string")t.style.cssText=n;else{if(typeof i=="string"&&(t.style.cssText=i=""),i)for(e in i)n&&e in n||he(t.style,e);if(n)for(e in n)i&&n[e]==i[e]||he(t.style,e,n[e])}else if(e[0]=="o"&&e[1]=="n")typeof n!="function"&&(n=null),typeof i!="function"&&(i=null),(t.__e||(t.__e={}))[e]=n,n&&i||(r=Z[e]||(Z[e]=Ye(e)),(t.__a||(t.__a={}))[e]=ee,o=e!=(e=e.replace(ve,"$1")),(e=e.slice(2))[0]<"a"&&(e=e.toLowerCase()),n?t.addEventListener(e,r,o):t.removeEventListener(e,r,o));else{if(a=="http://www.w3.org/2000/svg")e=e.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(e!="width"&&e!="height"&&e!="href"&&e!="list"&&e!="form"&&e!="tabIndex"&&e!="download"&&e!="rowSpan"&&e!="colSpan"&&e!="role"&&e!="popover"&&e in t)try{return void(t[e]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&e[4]!="-"?t.removeAttribute(e):t.setAttribute(e,e=="popover"&&n==1?"":n)}}function Ye(t){return function(e){var n=this.__e;if(n){if(n=n[t],e[F]==null)e[F]=ee++;else if(e[F]<this.__a[t])return;return n(v.event?v.event(e):e)}}}function oe(t,e,n,i,a,o,r,s,c,h){var _,d,p,l,u,y,m,b,g,w,x,Q,pe,A,U,de,T,H,S=e.type;if(e.constructor!==q)return null;128&n.__u&&(c=32&n.__u,_=n.__c.__z)&&(e.__u|=c,d=o=[],_.nodeType==8?s=I(_,o):o.push(_),s=o[0]||s),(_=v.__b)&&_(e);e:if(typeof S=="function"){p=r.length;try{if(b=e.props,g=(_=S.prototype)&&_.render,w=(_=S.contextType)&&i[_.__c],x=_?w?w.props.value:_.__:i,(l=n.__c)?(e.__c=l,2&l.__g&&(l.__g|=1)):(g?e.__c=l=new S(b,x):(e.__c=l=new j(b,x),l.constructor=S,l.render=Qe),w&&w.sub(l),l.state||(l.state={}),l.__n=i,l.__g|=8,l.__h=[],l.__k=[]),g&&(l.__s||(l.__s=l.state),S.getDerivedStateFromProps&&(l.__s==l.state&&(l.__s=E({},l.__s)),E(l.__s,S.getDerivedStateFromProps(b,l.__s)))),u=l.props,y=l.state,l.__v=e,n.__c){if(b!==u&&g&&!S.getDerivedStateFromProps&&l.componentWillReceiveProps&&l.componentWillReceiveProps(b,x),e.__v==n.__v&&!(8&l.__g)||!(4&l.__g)&&l.shouldComponentUpdate&&l.shouldComponentUpdate(b,l.__s,x)===!1){e.__v!=n.__v&&(l.props=b,l.state=l.__s,l.__g&=-9),e.__e=n.__e,e.__k=n.__k,e.__k.some(function(C){C&&(C.__=e)}),V.push.apply(l.__h,l.__k),l.__k=[],l.__h.length&&r.push(l),s=D(n);break e}l.componentWillUpdate&&l.componentWillUpdate(b,l.__s,x),g&&l.componentDidUpdate&&l.__h.push(function(){l.componentDidUpdate(u,y,m)})}else g&&!S.getDerivedStateFromProps&&l.componentWillMount&&l.componentWillMount(),g&&l.componentDidMount&&l.__h.push(l.componentDidMount);l.context=x,l.props=b,l.__P=t,l.__g&=-5,Q=v.__r,pe=g?25:0;do l.__g&=-9,Q&&Q(e),_=l.render(l.props,l.state=l.__s,l.context);while(8&l.__g&&++pe<25);g&&(V.push.apply(l.__h,l.__k),l.__k=[]),l.state=l.__s,l.getChildContext&&(i=E({},i,l.getChildContext())),g&&n.__c&&l.getSnapshotBeforeUpdate&&(m=l.getSnapshotBeforeUpdate(u,y)),A=_&&_.type===G&&_.key==null?_.props.children:_,b.__P&&(_=s,a=(t=b.__P).namespaceURI,c=o=null,n.props&&n.props.__P!=t&&(n.__k.some(function(C){C&&re(C,C)}),n.__k=null),s=n.__k?D(n,0):null),s=$e(t,te(A)?A:[A],e,n,i,a,o,r,s,c,h),b.__P&&(e.__e=null,s=_),e.__u&=-161,d&&d.some(M),l.__h.length&&r.push(l),1&l.__g&&(l.__g&=-4)}catch(C){if(r.length=p,e.__v=null,c||o)if(C&&C.then){if(e.__u|=128|c,o){for(~(T=o.indexOf(s||void 0))||(T=o.length);(H=o[T-1])&&H.nodeType==8;)T--;for(;T<o.length;T++)if(H=o[T])if(o[T]=null,U){if(H==de)break}else{if(H.nodeType!=8)break;H.data.startsWith("$s")&&(de=I(U=H))}}if(!U){for(;s&&s.nodeType==8&&s.nextSibling;)s=s.nextSibling;U=s}(_=I(U=e.__c.__z||(e.__c.__z=U)))?(e.__e=U,s=_):e.__e=s,s=s&&s.nextSibling}else o&&o.some(M);else e.__e=n.__e;e.__k||(e.__k=n.__k||[]),C&&C.then||we(e),v.__e(C,e,n)}}else s=e.__e=Je(n.__e,e,n,i,a,o,r,c,h,t);return(_=v.diffed)&&_(e),s}function I(t,e){if(t&&t.nodeType==8&&t.data.startsWith("$s"))for(var n=1;t=t.nextSibling;){if(t.nodeType==8){if(t.data.startsWith("$s"))n++;else if(t.data.startsWith("/$s")&&!--n)return t}e&&e.push(t)}}function we(t){t&&(t.__c&&(t.__c.__g|=4),t.__k&&t.__k.some(we))}function Ce(t,e,n){for(var i=0;i<n.length;)ie(n[i++],n[i++],n[i++]);v.__c&&v.__c(e,t),t.some(function(a){try{t=a.__h,a.__h=[],t.some(function(o){o.call(a)})}catch(o){v.__e(o,a.__v)}})}function Je(t,e,n,i,a,o,r,s,c,h){var _,d,p,l,u,y,m,b,g=n.props||K,w=e.props,x=e.type;if(x=="svg"?a="http://www.w3.org/2000/svg":x=="math"?a="http://www.w3.org/1998/Math/MathML":a||(a="http://www.w3.org/1999/xhtml"),o){for(_=0;_<o.length;_++)if((u=o[_])&&(x?u.localName==x:u.nodeType==3)){t=u,o[_]=null;break}}if(!t){if(b=h.ownerDocument||document,!x)return b.createTextNode(w);t=b.createElementNS(a,x,w.is?w:h),s&&(v.__m&&v.__m(e,o),s=!1),o=null}if(x){if(h=x=="template"&&t.content||t,o=x=="textarea"&&w.defaultValue!=null?null:o&&ne.call(h.childNodes),!s&&o)for(g={},_=0;_<t.attributes.length;_++)g[(u=t.attributes[_]).name]=u.value;for(_ in g)u=g[_],_=="dangerouslySetInnerHTML"?p=u:_=="children"||_ in w||_=="value"&&"defaultValue"in w||_=="checked"&&"defaultChecked"in w||W(t,_,null,u,a);for(_ in w)u=w[_],_=="children"?l=u:_=="dangerouslySetInnerHTML"?d=u:_=="value"?y=u:_=="checked"?m=u:s&&typeof u!="function"||g[_]===u||W(t,_,u,g[_],a);d?(s||p&&(d.__html==p.__html||d.__html==t.innerHTML)||(t.innerHTML=d.__html),e.__k=[]):(p&&(t.textContent=""),(x=="foreignObject"||a=="http://www.w3.org/1998/Math/MathML"&&Be.test(x))&&(a="http://www.w3.org/1999/xhtml"),$e(h,te(l)?l:[l],e,n,i,a,o,r,o?o[0]:n.__k&&D(n,0),s,c),o&&o.some(M)),s&&x!="textarea"||(_="value",x=="progress"&&y==null?t.removeAttribute(_):y==null||y===t[_]&&(x!="progress"||y)||W(t,_,y,g[_],a),_="checked",m!=null&&m!=t[_]&&W(t,_,m,g[_],a))}else g===w||s&&t.data==w||(t.data=w);return t}function ie(t,e,n,i){try{typeof t=="function"?e?e.__x=t(e)||1:i&&(i=i.__c||i.__e)&&(e=i.__x)&&(i.__x=null,typeof e=="function"?e():t(null)):t.current=e}catch(a){v.__e(a,n)}}function re(t,e,n){var i,a,o,r;if(v.unmount&&v.unmount(t),!(i=t.ref)||i.current&&i.current!=t.__e||ie(i,null,e,t),i=t.__c){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(s){v.__e(s,e)}i.__P=i.__n=null}if(i=t.__k)for(r=0;r<i.length;r++)i[r]&&re(i[r],e,typeof t.type!="function"||n&&!t.props.__P);!n&&(i=t.__c)&&(i=i.__z)&&(a=I(i,o=[]))&&(i==t.__e&&o.some(M),M(a),M(i)),n||M(t.__e),t.__e=t.__c=t.__=null}function Qe(t,e,n){return this.constructor(t,n)}function Se(t,e){var n,i,a,o;v.__&&v.__(t,e),e.nodeType==9&&(e=e.documentElement),i=(n=t&&32&t.__u)?null:e.__k,e.__k=R(G,{children:[t]}),a=[],o=[],oe(e,e.__k,i||K,K,e.namespaceURI,i?null:e.firstChild?ne.call(e.childNodes):null,a,i?i.__e:e.firstChild,n,o),Ce(a,e.__k,o),e.__k.props.children=null}v={__e:function(t,e,n,i){for(var a,o,r;e=e.__;)if((a=e.__c)&&!(1&a.__g)){a.__g|=4;try{if((r=(o=a.constructor)&&o.getDerivedStateFromError)&&a.setState(o.getDerivedStateFromError(t)),a.componentDidCatch&&(a.componentDidCatch(t,i||{}),r=1),r&&8&a.__g)return void(a.__g|=2)}catch(s){t=s}}throw B=0,t}},ge=0,je=function(t){return t!=null&&t.constructor===q},j.prototype.setState=function(t,e){var n=this.__s;n&&n!=this.state||(n=this.__s=E({},this.state)),typeof t=="function"&&(t=t(E({},n),this.props)),t&&(E(n,t),this.__v&&(e&&this.__k.push(e),fe(this)))},j.prototype.forceUpdate=function(t){this.__v&&(this.__g|=4,t&&this.__h.push(t),fe(this))},j.prototype.render=G,z=[],B=0,me=function(t,e){return t.__v.__b-e.__v.__b},F=Symbol(),ve=/(PointerCapture)$|Capture$/i,ee=0,Z={},Ie=0;var O,k,ae,Pe,se=Object.is,Y=0,Re=[],le=[],$=v,Te=$.__b,ze=$.__r,De=$.diffed,Ue=$.__c,He=$.unmount,Me=$.__;function ce(t,e){$.__h&&$.__h(k,t,Y||e),Y=0;var n=k.__H||(k.__H={__:[],__h:[]});return t>=n.__.length&&n.__.push({}),n.__[t]}function P(t){return Y=1,ue(Ne,t)}function ue(t,e,n){var i=ce(O++,2);if(i.t=t,!i.__c&&(i.__=[n?n(e):Ne(void 0,e),function(o){var r=(i.__N||i.__)[0],s=i.t(r,o);se(r,s)||(i.__N=[s,i.__[1]],i.__c.setState({}))}],i.__c=k,!k.__f)){k.__f=!0;var a=k.shouldComponentUpdate;k.shouldComponentUpdate=function(o,r,s){var c=this.__H;if(!c)return!0;var h=!1,_=this.props!=o;if(c.__.some(function(p){p.__N&&(h=!0,se(p.__[0],p.__N[0])||(_=!0))}),a){var d=a.call(this,o,r,s);return h?d||_:d}return!h||_}}return i.__}function L(t,e){var n=ce(O++,3);!$.__s&&qe(n.__H,e)&&(n.__P=!0,n.__=t,n.u=e,k.__H.__h.push(n))}function J(t){return Y=5,Xe(function(){return{current:t}},[])}function Xe(t,e){var n=ce(O++,7);return qe(n.__H,e)&&(n.__=t(),n.__H=e),n.__}function Ze(){var t;do{for(;t=le.shift();)try{N(t)}catch(n){$.__e(n,{__:(t=t.__P)&&t.__v})}for(;t=Re.shift();){var e=t.__H;if(t.__P&&e)try{e.__h.some(N),e.__h.some(_e),e.__h=[]}catch(n){e.__h=[],$.__e(n,t.__v)}}}while(le.length)}$.__b=function(t){k=null,Te&&Te(t)},$.__=function(t,e){t&&e.__k&&e.__k.__m&&(t.__m=e.__k.__m),Me&&Me(t,e)},$.__r=function(t){ze&&ze(t),O=0;var e=(k=t.__c).__H;e&&(ae==k?k.__h=[]:(e.__h.some(N),e.__h.some(_e),O=0),e.__h=[],e.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),ae=k},$.diffed=function(t){De&&De(t);var e=t.__c;e&&e.__H&&(e.__H.__h.length&&Le(Re.push(e)),e.__H.__.some(function(n){n.u&&(n.__H=n.u)})),ae=k=null},$.__c=function(t,e){e.some(function(n){try{n.__h.some(N),n.__h=n.__h.filter(function(i){return!i.__||_e(i)})}catch(i){n.__h=[function(){throw i}]}}),Ue&&Ue(t,e)},$.unmount=function(t){He&&He(t);var e,n,i=t.__c;i&&i.__H&&(i.__H.__.some(function(a){try{if(a.__P&&a.__c){if(n===void 0){for(n=t.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}a.__P=n,Le(le.push(a))}else N(a)}catch(o){e=o}}),i.__H=void 0,e&&$.__e(e,i.__v))};var Ee=typeof requestAnimationFrame=="function";function et(t){var e,n=function(){clearTimeout(i),Ee&&cancelAnimationFrame(e),setTimeout(t)},i=setTimeout(n,35);Ee&&(e=requestAnimationFrame(n))}function Le(t){t!=1&&Pe==$.requestAnimationFrame||((Pe=$.requestAnimationFrame)||et)(Ze)}function N(t){var e=k,n=t.__c;typeof n=="function"&&(t.__c=void 0,n()),k=e}function _e(t){var e=k;t.__c=t.__(),k=e}function qe(t,e){return!t||t.length!=e.length||e.some(function(n,i){return!se(n,t[i])})}function Ne(t,e){return typeof e=="function"?e(t):e}var Ae=function(t,e,n,i){var a;e[0]=0;for(var o=1;o<e.length;o++){var r=e[o++],s=e[o]?(e[0]|=r?1:2,n[e[o++]]):e[++o];r===3?i[0]=s:r===4?i[1]=Object.assign(i[1]||{},s):r===5?(i[1]=i[1]||{})[e[++o]]=s:r===6?i[1][e[++o]]+=s+"":r?(a=t.apply(s,Ae(t,s,n,["",null])),i.push(a),s[0]?e[0]|=2:(e[o-2]=0,e[o]=a)):i.push(s)}return i},Oe=new Map;function We(t){var e=Oe.get(this);return e||(e=new Map,Oe.set(this,e)),(e=Ae(this,e.get(t)||(e.set(t,e=(function(n){for(var i,a,o=1,r="",s="",c=[0],h=function(p){o===1&&(p||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,p,r):o===3&&(p||r)?(c.push(3,p,r),o=2):o===2&&r==="..."&&p?c.push(4,p,0):o===2&&r&&!p?c.push(5,0,!0,r):o>=5&&((r||!p&&o===5)&&(c.push(o,0,r,a),o=6),p&&(c.push(o,p,0,a),o=6)),r=""},_=0;_<n.length;_++){_&&(o===1&&h(),h(_));for(var d=0;d<n[_].length;d++)i=n[_][d],o===1?i==="<"?(h(),c=[c],o=3):r+=i:o===4?r==="--"&&i===">"?(o=1,r=""):r=i+r[0]:s?i===s?s="":r+=i:i==='"'||i==="'"?s=i:i===">"?(h(),o=1):o&&(i==="="?(o=5,a=r,r=""):i==="/"&&(o<5||n[_][d+1]===">")?(h(),o===3&&(c=c[0]),o=c,(c=c[0]).push(2,0,o),o=0):i===" "||i==="	"||i===`
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
`;var f=We.bind(be);window.__parleyChat=(t,e,n,i)=>{i(e,Fe),Se(f`<${ot} w=${n} />`,t)};function nt(t){let[,e]=ue(n=>n+1,0);L(()=>t.subscribe(e),[t])}function ot({w:t}){nt(t);let e=J(null),n=t.t,i=t.inbox.widget||{},a=i.title||t.inbox.name||"Chat",o=t.current&&t.convs.get(t.current),r=!o&&t.convs.size>0,s=i.prechat||{},c=s.enabled&&(s.fields||[]).length&&!t.convs.size&&!t.prechatDone();L(()=>{if(t.isOpen&&e.current){let _=e.current.querySelector("textarea, [data-autofocus]");_&&_.focus()}},[t.isOpen,t.current,!!c]);let h=_=>{if(_.key==="Escape"){_.stopPropagation(),t.setOpen(!1);let d=e.current.getRootNode().querySelector(".launcher");d&&d.focus()}};return f`
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
      <${rt} w=${t} />
      ${c?f`<${it} w=${t} fields=${s.fields} />`:r?f`<${at} w=${t} />`:f`<${st} w=${t} conv=${o} greeting=${t.invitation?.message||i.greeting} />`}
      <div class="brand">Chat by Parley</div>
    </div>`}function it({w:t,fields:e}){let n=t.t,[i,a]=P("");return f`
    <form class="prechat" onSubmit=${async r=>{r.preventDefault();let s=Object.fromEntries(new FormData(r.target));try{await t.introduce(s)}catch(c){a(c.status===422?n.email+": "+n.error:n.error)}}}>
      <p>${n.prechatIntro}</p>
      ${e.map((r,s)=>f`<label key=${r}>${n[r]}
        <input name=${r} type=${r==="email"?"email":"text"} required autocomplete=${r} data-autofocus=${s===0||void 0} /></label>`)}
      ${i?f`<p class="error" role="alert">${i}</p>`:null}
      <button type="submit" class="primary">${n.start}</button>
    </form>`}function rt({w:t}){let e=t.t;return t.state!=="reconnecting"&&t.state!=="connecting"?null:f`<div class="status" role="status">${t.state==="connecting"?e.connecting:e.reconnecting}</div>`}function at({w:t}){let e=t.t;return f`
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
    </div>`}function st({w:t,conv:e,greeting:n}){let i=t.t,a=J(null),o=e?e.messages.filter(c=>c.kind!=="note"):[],r=e&&e.typingUntil>Date.now();L(()=>{a.current&&(a.current.scrollTop=a.current.scrollHeight)},[o.length,r]);let s=0;if(e)for(let c of o)c.sender.type==="contact"&&c.seq&&c.seq<=e.agentRead&&(s=c.seq);return f`
    <div class="log" ref=${a} role="log" aria-live="polite" aria-relevant="additions" tabindex="0" aria-label=${i.conversations}>
      ${n?f`<div class="msg them greeting"><div class="bubble">${n}</div></div>`:null}
      ${o.map(c=>f`<${_t} key=${c.seq||c.client_id} w=${t} m=${c} seen=${c.seq&&c.seq===s} />`)}
      ${r?f`<div class="typing"><span class="visually-hidden">${i.typing}</span><span class="dot"></span><span class="dot"></span><span class="dot"></span></div>`:null}
    </div>
    ${e&&e.conversation&&e.conversation.status==="resolved"?f`<${lt} key=${e.id} w=${t} conv=${e} />`:null}
    <${ut} w=${t} />`}function lt({w:t,conv:e}){let n=t.t,i=t.storageKey()+":rated:"+e.id,[a,o]=P(()=>{try{return localStorage.getItem(i)?"done":"loading"}catch{return"loading"}}),[r,s]=P(0),[c,h]=P(""),[_,d]=P(""),p=u=>{try{localStorage.setItem(i,"1")}catch{}o(u)};L(()=>{a==="loading"&&t.api("/api/v1/conversations/"+e.id+"/rating").then(u=>u.rated?p("done"):o("ask"),()=>o("done"))},[e.id]);let l=async u=>{u.preventDefault(),d("");try{await t.api("/api/v1/conversations/"+e.id+"/rating",{method:"POST",body:{score:r,comment:c.trim()}}),p("thanks")}catch(y){y.status===409?p("done"):d(n.error)}};return a==="thanks"?f`<p class="rating-thanks" role="status">${n.rateThanks}</p>`:a!=="ask"?null:f`
    <form class="rating" onSubmit=${l}>
      <fieldset>
        <legend>${n.rateAsk}</legend>
        <div class="stars">
          ${[1,2,3,4,5].map(u=>f`<button type="button" key=${u} class=${"star"+(u<=r?" on":"")}
            aria-label=${n.rateScore(u)} aria-pressed=${u===r} onClick=${()=>s(u)}>★</button>`)}
        </div>
      </fieldset>
      ${r?f`<textarea rows="2" maxlength="1000" aria-label=${n.rateComment} placeholder=${n.rateComment} value=${c}
        onInput=${u=>h(u.target.value)}></textarea>`:null}
      ${_?f`<p class="error" role="alert">${_}</p>`:null}
      <div class="rating-actions">
        <button type="button" class="skip" onClick=${()=>p("done")}>${n.rateSkip}</button>
        <button type="submit" class="primary" disabled=${!r}>${n.rateSend}</button>
      </div>
    </form>`}function _t({w:t,m:e,seen:n}){let i=t.t,a=e.sender.type==="contact",o=e.created_at?new Date(e.created_at).toLocaleTimeString(t.lang,{hour:"2-digit",minute:"2-digit"}):"";if(e.kind==="event")return f`<div class="event">${e.body}</div>`;let r=a?null:t.sender(e);return f`
    <div class=${"msg "+(a?"me":"them")+(e.pending?" pending":"")} data-seq=${e.seq||""}>
      <div class="bubble">
        ${e.body?f`<span class="text">${e.body}</span>`:null}
        ${(e.attachments||[]).map(s=>f`<${ct} key=${s.id} w=${t} a=${s} />`)}
      </div>
      <div class="meta">
        ${r?f`${r.avatar?f`<img class="avatar" src=${r.avatar} alt=${r.name} referrerpolicy="no-referrer" />`:null}<span class="who">${r.name}</span> · `:null}<time>${o}</time>
        ${e.pending?f` · ${i.sending}`:n?f` · <span class="seen">${i.seen}</span>`:null}
      </div>
    </div>`}function ct({w:t,a:e}){let[n,i]=P(null),a=(e.content_type||"").startsWith("image/");L(()=>{if(!a)return;let r;return t.attachmentURL(e).then(s=>i(r=s),()=>{}),()=>r&&URL.revokeObjectURL(r)},[e.id]);let o=async r=>{r.preventDefault();let s=await t.attachmentURL(e),c=document.createElement("a");c.href=s,c.download=e.name||"file",c.click(),setTimeout(()=>URL.revokeObjectURL(s),1e4)};return a&&n?f`<img class="image" src=${n} alt=${e.name} />`:f`<a href="#" class="file" onClick=${o}>📎 ${e.name} <span class="visually-hidden">(${t.t.download})</span></a>`}function ut({w:t}){let e=t.t,[n,i]=P(""),[a,o]=P(""),r=J(null),s=async _=>{_&&_.preventDefault();let d=n.trim();if(d){i(""),o("");try{await t.send(d)}catch{o(e.error)}}},c=_=>{_.key==="Enter"&&!_.shiftKey&&!_.isComposing&&s(_)},h=async()=>{let _=r.current.files[0];if(r.current.value="",!!_){o("");try{await t.upload(_)}catch(d){o(d.status===413?e.fileTooLarge:d.status===422?e.fileType:e.error)}}};return f`
    <form class="composer" onSubmit=${s}>
      ${a?f`<p class="error" role="alert">${a}</p>`:null}
      <div class="row">
        <label class="icon attach" title=${e.attach}>
          <input type="file" ref=${r} onChange=${h} class="visually-hidden" aria-label=${e.attach} />
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 12.5l-8.5 8.5a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
        </label>
        <textarea rows="1" placeholder=${e.placeholder} aria-label=${e.placeholder} value=${n}
          onInput=${_=>{i(_.target.value),t.typing()}} onKeyDown=${c}></textarea>
        <button type="submit" class="send" aria-label=${e.send} disabled=${!n.trim()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 12l16-8-6 16-2.5-6.5z" fill="currentColor"/></svg>
        </button>
      </div>
    </form>`}})();

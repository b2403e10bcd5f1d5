var $,Ln,Kt,ue,Bt,gt,qn,ft,Dn,Gt,Vt,Ea,Xe=Symbol.for("pv"),ht={},vt=[],Na=/^m(i|n|o|s|text|space)$/,Yt=Array.isArray,Jt=vt.slice,$e=Object.assign;function we(e){e&&e.parentNode&&e.remove()}function Qe(e,t,n){var o,i,a,r={},s=arguments.length;for(a in t)a=="key"?o=t[a]:a=="ref"&&typeof e!="function"?i=t[a]:r[a]=t[a];return s>2&&(r.children=s>3?Jt.call(arguments,2):n),Je(e,r,o,i,null)}function Je(e,t,n,o,i){var a={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Xe,__v:i||++Ln,__i:-1,__u:0};return!i&&$.vnode&&$.vnode(a),a}function Ce(e){return e.children}function ke(e,t){this.props=e,this.context=t,this.__g=0}function fe(e,t){if(t==null)return e.__&&fe(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:fe(e)}function Ma(e){var t,n=e.__v,o=n.__e,i=[],a=[],r=e.__P;r&&((t=$e({constructor:Xe},n)).__v=n.__v+1,$.vnode&&$.vnode(t),Xt(r,t,n,e.__n,r.namespaceURI,32&n.__u?[o]:null,i,o||fe(n),32&n.__u,a),t.__v=n.__v,t.__.__k[t.__i]=t,Wn(i,t,a),n.__=n.__e=null,t.__e!=o&&Rn(t))}function Rn(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),Rn(e)}function In(e){(8&e.__g||(e.__g|=8,ue.push(e),gt++))&&Bt==$.debounceRendering||((Bt=$.debounceRendering)||queueMicrotask)(Un)}function Un(){try{for(var e,t=1;ue.length;)ue.length>t&&ue.sort(qn),e=ue.shift(),t=ue.length,8&e.__g&&Ma(e)}finally{(gt=ue.length)&&(Bt||queueMicrotask)(Un)}}function On(e,t,n,o,i,a,r,s,d,u,p){var h,f,c,m,g,x,k=o.__k||vt,_=t.length;for(d=Pa(n,t,k,d,_),h=0;h<_;h++)(c=n.__k[h])!=null&&(f=~c.__i&&k[c.__i]||ht,c.__i=h,x=Xt(e,c,f,i,a,r,s,d,u,p),m=c.__e,(f.ref!=c.ref||8&f.__u)&&(f.ref&&Qt(f.ref,null,c,f),c.ref&&p.push(c.ref,c.__c||m,c)),g=g||m,4&c.__u?(d=jn(c,d,e,!f.__v),f.__e&&(f.__e=null)):typeof c.type=="function"&&x!==void 0?d=x:m&&(d=m.nextSibling),c.__u&=-21);return n.__e=g,d}function Pa(e,t,n,o,i){var a,r,s,d,u,p,h,f,c,m=n.length,g=m,x=0,k=0,_=e.__k=Array(i);for(a=0;a<i;a++)(r=t[a])!=null&&typeof r!="boolean"&&typeof r!="function"?(typeof r!="object"||r.constructor===String?r=_[a]=Je(null,r):Yt(r)?r=_[a]=Je(Ce,{children:r}):r.constructor===Xe&&r.__b?r=_[a]=Je(r.type,r.props,r.key,r.ref,r.__v):_[a]=r,d=a+x,r.__=e,r.__b=e.__b+1,s=null,~(u=r.__i=Ia(r,n,d,g))&&(g--,(s=n[u])&&(s.__u|=2)),s&&s.__v?(r.__u|=16,u==d-1?x--:u==d+1?x++:u!=d&&(u>d?x--:x++,k=1)):(~u||(i>m?x--:i<m&&x++),typeof r.type!="function"&&(r.__u|=4))):_[a]=null;if(k){for(p=[],h=[],a=0;a<i;a++)if((r=_[a])&&16&r.__u){for(x=0,f=p.length;x<f;)p[c=x+f>>1]<r.__i?x=c+1:f=c;p[x]=r.__i,h[a]=x+1}for(x=p.length;a--;)h[a]&&(h[a]==x?x--:_[a].__u|=4)}if(g)for(a=0;a<m;a++)!(s=n[a])||2&s.__u||(s.__e==o&&(o=fe(s)),Zt(s,s));return o}function jn(e,t,n,o){var i,a,r,s;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=jn(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=fe(e))&&!t.parentNode&&(t=null),r=e.__e,s=t;s&&s.nodeType==8;)s=s.nextSibling;for(r!=s&&(!o&&n.moveBefore&&r.parentNode?n.moveBefore(r,t):n.insertBefore(r,t||null)),t=r;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function Ia(e,t,n,o){var i,a=e.key,r=e.type,s=t[n],d=s&&!(2&s.__u);if(s===null&&a==null||d&&a==s.key&&r==s.type)return n;if(o>(d?1:0)){for(i=n-1;i>=0;i--)if((s=t[i])&&!(2&s.__u)&&a==s.key&&r==s.type)return i;for(i=n+1;i<t.length;i++)if((s=t[i])&&!(2&s.__u)&&a==s.key&&r==s.type)return i}return-1}function zn(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function ut(e,t,n,o,i){var a,r;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||zn(e.style,t);if(n)for(t in n)o&&n[t]==o[t]||zn(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof o!="function"&&(o=null),(e.__e||(e.__e={}))[t]=n,n&&o||(r=Vt[t]||(Vt[t]=za(t)),(e.__a||(e.__a={}))[t]=Gt,a=t!=(t=t.replace(Dn,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,r,a):e.removeEventListener(t,r,a));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function za(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[ft]==null)t[ft]=Gt++;else if(t[ft]<this.__a[e])return;return n($.event?$.event(t):t)}}}function Xt(e,t,n,o,i,a,r,s,d,u){var p,h,f,c,m,g,x,k,_,M,T,w,P,j,ne,Pn,pe,ye,oe=t.type;if(t.constructor!==Xe)return null;128&n.__u&&(d=32&n.__u,p=n.__c.__z)&&(t.__u|=d,h=a=[],p.nodeType==8?s=mt(p,a):a.push(p),s=a[0]||s),(p=$.__b)&&p(t);e:if(typeof oe=="function"){f=r.length;try{if(k=t.props,_=(p=oe.prototype)&&p.render,M=(p=oe.contextType)&&o[p.__c],T=p?M?M.props.value:p.__:o,(c=n.__c)?(t.__c=c,2&c.__g&&(c.__g|=1)):(_?t.__c=c=new oe(k,T):(t.__c=c=new ke(k,T),c.constructor=oe,c.render=qa),M&&M.sub(c),c.state||(c.state={}),c.__n=o,c.__g|=8,c.__h=[],c.__k=[]),_&&(c.__s||(c.__s=c.state),oe.getDerivedStateFromProps&&(c.__s==c.state&&(c.__s=$e({},c.__s)),$e(c.__s,oe.getDerivedStateFromProps(k,c.__s)))),m=c.props,g=c.state,c.__v=t,n.__c){if(k!==m&&_&&!oe.getDerivedStateFromProps&&c.componentWillReceiveProps&&c.componentWillReceiveProps(k,T),t.__v==n.__v&&!(8&c.__g)||!(4&c.__g)&&c.shouldComponentUpdate&&c.shouldComponentUpdate(k,c.__s,T)===!1){t.__v!=n.__v&&(c.props=k,c.state=c.__s,c.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(H){H&&(H.__=t)}),vt.push.apply(c.__h,c.__k),c.__k=[],c.__h.length&&r.push(c),s=fe(n);break e}c.componentWillUpdate&&c.componentWillUpdate(k,c.__s,T),_&&c.componentDidUpdate&&c.__h.push(function(){c.componentDidUpdate(m,g,x)})}else _&&!oe.getDerivedStateFromProps&&c.componentWillMount&&c.componentWillMount(),_&&c.componentDidMount&&c.__h.push(c.componentDidMount);c.context=T,c.props=k,c.__P=e,c.__g&=-5,w=$.__r,P=_?25:0;do c.__g&=-9,w&&w(t),p=c.render(c.props,c.state=c.__s,c.context);while(8&c.__g&&++P<25);_&&(vt.push.apply(c.__h,c.__k),c.__k=[]),c.state=c.__s,c.getChildContext&&(o=$e({},o,c.getChildContext())),_&&n.__c&&c.getSnapshotBeforeUpdate&&(x=c.getSnapshotBeforeUpdate(m,g)),j=p&&p.type===Ce&&p.key==null?p.props.children:p,k.__P&&(p=s,i=(e=k.__P).namespaceURI,d=a=null,n.props&&n.props.__P!=e&&(n.__k.some(function(H){H&&Zt(H,H)}),n.__k=null),s=n.__k?fe(n,0):null),s=On(e,Yt(j)?j:[j],t,n,o,i,a,r,s,d,u),k.__P&&(t.__e=null,s=p),t.__u&=-161,h&&h.some(we),c.__h.length&&r.push(c),1&c.__g&&(c.__g&=-4)}catch(H){if(r.length=f,t.__v=null,d||a)if(H&&H.then){if(t.__u|=128|d,a){for(~(pe=a.indexOf(s||void 0))||(pe=a.length);(ye=a[pe-1])&&ye.nodeType==8;)pe--;for(;pe<a.length;pe++)if(ye=a[pe])if(a[pe]=null,ne){if(ye==Pn)break}else{if(ye.nodeType!=8)break;ye.data.startsWith("$s")&&(Pn=mt(ne=ye))}}if(!ne){for(;s&&s.nodeType==8&&s.nextSibling;)s=s.nextSibling;ne=s}(p=mt(ne=t.__c.__z||(t.__c.__z=ne)))?(t.__e=ne,s=p):t.__e=s,s=s&&s.nextSibling}else a&&a.some(we);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),H&&H.then||Hn(t),$.__e(H,t,n)}}else s=t.__e=La(n.__e,t,n,o,i,a,r,d,u,e);return(p=$.diffed)&&p(t),s}function mt(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Hn(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Hn))}function Wn(e,t,n){for(var o=0;o<n.length;)Qt(n[o++],n[o++],n[o++]);$.__c&&$.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(a){a.call(i)})}catch(a){$.__e(a,i.__v)}})}function La(e,t,n,o,i,a,r,s,d,u){var p,h,f,c,m,g,x,k,_=n.props||ht,M=t.props,T=t.type;if(T=="svg"?i="http://www.w3.org/2000/svg":T=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),a){for(p=0;p<a.length;p++)if((m=a[p])&&(T?m.localName==T:m.nodeType==3)){e=m,a[p]=null;break}}if(!e){if(k=u.ownerDocument||document,!T)return k.createTextNode(M);e=k.createElementNS(i,T,M.is?M:u),s&&($.__m&&$.__m(t,a),s=!1),a=null}if(T){if(u=T=="template"&&e.content||e,a=T=="textarea"&&M.defaultValue!=null?null:a&&Jt.call(u.childNodes),!s&&a)for(_={},p=0;p<e.attributes.length;p++)_[(m=e.attributes[p]).name]=m.value;for(p in _)m=_[p],p=="dangerouslySetInnerHTML"?f=m:p=="children"||p in M||p=="value"&&"defaultValue"in M||p=="checked"&&"defaultChecked"in M||ut(e,p,null,m,i);for(p in M)m=M[p],p=="children"?c=m:p=="dangerouslySetInnerHTML"?h=m:p=="value"?g=m:p=="checked"?x=m:s&&typeof m!="function"||_[p]===m||ut(e,p,m,_[p],i);h?(s||f&&(h.__html==f.__html||h.__html==e.innerHTML)||(e.innerHTML=h.__html),t.__k=[]):(f&&(e.textContent=""),(T=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&Na.test(T))&&(i="http://www.w3.org/1999/xhtml"),On(u,Yt(c)?c:[c],t,n,o,i,a,r,a?a[0]:n.__k&&fe(n,0),s,d),a&&a.some(we)),s&&T!="textarea"||(p="value",T=="progress"&&g==null?e.removeAttribute(p):g==null||g===e[p]&&(T!="progress"||g)||ut(e,p,g,_[p],i),p="checked",x!=null&&x!=e[p]&&ut(e,p,x,_[p],i))}else _===M||s&&e.data==M||(e.data=M);return e}function Qt(e,t,n,o){try{typeof e=="function"?t?t.__x=e(t)||1:o&&(o=o.__c||o.__e)&&(t=o.__x)&&(o.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){$.__e(i,n)}}function Zt(e,t,n){var o,i,a,r;if($.unmount&&$.unmount(e),!(o=e.ref)||o.current&&o.current!=e.__e||Qt(o,null,t,e),o=e.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(s){$.__e(s,t)}o.__P=o.__n=null}if(o=e.__k)for(r=0;r<o.length;r++)o[r]&&Zt(o[r],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(o=e.__c)&&(o=o.__z)&&(i=mt(o,a=[]))&&(o==e.__e&&a.some(we),we(i),we(o)),n||we(e.__e),e.__e=e.__c=e.__=null}function qa(e,t,n){return this.constructor(e,n)}function en(e,t){var n,o,i,a;$.__&&$.__(e,t),t.nodeType==9&&(t=t.documentElement),o=(n=e&&32&e.__u)?null:t.__k,t.__k=Je(Ce,{children:[e]}),i=[],a=[],Xt(t,t.__k,o||ht,ht,t.namespaceURI,o?null:t.firstChild?Jt.call(t.childNodes):null,i,o?o.__e:t.firstChild,n,a),Wn(i,t.__k,a),t.__k.props.children=null}$={__e:function(e,t,n,o){for(var i,a,r;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((r=(a=i.constructor)&&a.getDerivedStateFromError)&&i.setState(a.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,o||{}),r=1),r&&8&i.__g)return void(i.__g|=2)}catch(s){e=s}}throw gt=0,e}},Ln=0,Kt=function(e){return e!=null&&e.constructor===Xe},ke.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=$e({},this.state)),typeof e=="function"&&(e=e($e({},n),this.props)),e&&($e(n,e),this.__v&&(t&&this.__k.push(t),In(this)))},ke.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),In(this))},ke.prototype.render=Ce,ue=[],gt=0,qn=function(e,t){return e.__v.__b-t.__v.__b},ft=Symbol(),Dn=/(PointerCapture)$|Capture$/i,Gt=0,Vt={},Ea=0;var Bn=function(e,t,n,o){var i;t[0]=0;for(var a=1;a<t.length;a++){var r=t[a++],s=t[a]?(t[0]|=r?1:2,n[t[a++]]):t[++a];r===3?o[0]=s:r===4?o[1]=Object.assign(o[1]||{},s):r===5?(o[1]=o[1]||{})[t[++a]]=s:r===6?o[1][t[++a]]+=s+"":r?(i=e.apply(s,Bn(e,s,n,["",null])),o.push(i),s[0]?t[0]|=2:(t[a-2]=0,t[a]=i)):o.push(s)}return o},Fn=new Map;function Vn(e){var t=Fn.get(this);return t||(t=new Map,Fn.set(this,t)),(t=Bn(this,t.get(e)||(t.set(e,t=(function(n){for(var o,i,a=1,r="",s="",d=[0],u=function(f){a===1&&(f||(r=r.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?d.push(0,f,r):a===3&&(f||r)?(d.push(3,f,r),a=2):a===2&&r==="..."&&f?d.push(4,f,0):a===2&&r&&!f?d.push(5,0,!0,r):a>=5&&((r||!f&&a===5)&&(d.push(a,0,r,i),a=6),f&&(d.push(a,f,0,i),a=6)),r=""},p=0;p<n.length;p++){p&&(a===1&&u(),u(p));for(var h=0;h<n[p].length;h++)o=n[p][h],a===1?o==="<"?(u(),d=[d],a=3):r+=o:a===4?r==="--"&&o===">"?(a=1,r=""):r=o+r[0]:s?o===s?s="":r+=o:o==='"'||o==="'"?s=o:o===">"?(u(),a=1):a&&(o==="="?(a=5,i=r,r=""):o==="/"&&(a<5||n[p][h+1]===">")?(u(),a===3&&(d=d[0]),a=d,(d=d[0]).push(2,0,a),a=0):o===" "||o==="	"||o===`
`||o==="\r"?(u(),a=2):r+=o),a===3&&r==="!--"&&(a=4,d=d[0])}return u(),d})(e)),t),arguments,[])).length>1?t:t[0]}var l=Vn.bind(Qe);var De,I,tn,Kn,nn=Object.is,bt=0,no=[],on=[],N=$,Gn=N.__b,Yn=N.__r,Jn=N.diffed,Xn=N.__c,Qn=N.unmount,Zn=N.__;function xt(e,t){N.__h&&N.__h(I,e,bt||t),bt=0;var n=I.__H||(I.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function v(e){return bt=1,Da(ao,e)}function Da(e,t,n){var o=xt(De++,2);if(o.t=e,!o.__c&&(o.__=[n?n(t):ao(void 0,t),function(a){var r=(o.__N||o.__)[0],s=o.t(r,a);nn(r,s)||(o.__N=[s,o.__[1]],o.__c.setState({}))}],o.__c=I,!I.__f)){I.__f=!0;var i=I.shouldComponentUpdate;I.shouldComponentUpdate=function(a,r,s){var d=this.__H;if(!d)return!0;var u=!1,p=this.props!=a;if(d.__.some(function(f){f.__N&&(u=!0,nn(f.__[0],f.__N[0])||(p=!0))}),i){var h=i.call(this,a,r,s);return u?h||p:h}return!u||p}}return o.__}function C(e,t){var n=xt(De++,3);!N.__s&&rn(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,I.__H.__h.push(n))}function oo(e,t){var n=xt(De++,4);!N.__s&&rn(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,I.__h.push(n))}function V(e){return bt=5,_t(function(){return{current:e}},[])}function _t(e,t){var n=xt(De++,7);return rn(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Ra(){var e;do{for(;e=on.shift();)try{Ze(e)}catch(n){N.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=no.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Ze),t.__h.some(an),t.__h=[]}catch(n){t.__h=[],N.__e(n,e.__v)}}}while(on.length)}N.__b=function(e){I=null,Gn&&Gn(e)},N.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Zn&&Zn(e,t)},N.__r=function(e){Yn&&Yn(e),De=0;var t=(I=e.__c).__H;t&&(tn==I?I.__h=[]:(t.__h.some(Ze),t.__h.some(an),De=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),tn=I},N.diffed=function(e){Jn&&Jn(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&to(no.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),tn=I=null},N.__c=function(e,t){t.some(function(n){try{n.__h.some(Ze),n.__h=n.__h.filter(function(o){return!o.__||an(o)})}catch(o){n.__h=[function(){throw o}]}}),Xn&&Xn(e,t)},N.unmount=function(e){Qn&&Qn(e);var t,n,o=e.__c;o&&o.__H&&(o.__H.__.some(function(i){try{if(i.__P&&i.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}i.__P=n,to(on.push(i))}else Ze(i)}catch(a){t=a}}),o.__H=void 0,t&&N.__e(t,o.__v))};var eo=typeof requestAnimationFrame=="function";function Ua(e){var t,n=function(){clearTimeout(o),eo&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);eo&&(t=requestAnimationFrame(n))}function to(e){e!=1&&Kn==N.requestAnimationFrame||((Kn=N.requestAnimationFrame)||Ua)(Ra)}function Ze(e){var t=I,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),I=t}function an(e){var t=I;e.__c=e.__(),I=t}function rn(e,t){return!e||e.length!=t.length||t.some(function(n,o){return!nn(n,e[o])})}function ao(e,t){return typeof t=="function"?t(e):t}var Oa=Symbol.for("preact-signals");function kt(){if(ae>1)ae--;else{var e,t=!1;for((function(){var i=wt;for(wt=void 0;i!==void 0;){var a=i.S;if(a.v===i.v)for(var r=a.t;r!==void 0;r=r.x)r.i===i.i&&(r.i=a.i);i=i.o}})();tt!==void 0;){var n=tt;for(tt=void 0,yt++;n!==void 0;){var o=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&ro(n))try{n.c()}catch(i){t||(e=i,t=!0)}n=o}}if(yt=0,ae--,t)throw e}}function me(e){if(ae>0)return e();sn=++ja,ae++;try{return e()}finally{kt()}}var et,A=void 0;function nt(e){var t=A,n=et;A=void 0,et=void 0;try{return e()}finally{A=t,et=n}}var tt=void 0,ae=0,yt=0,ja=0,sn=0,wt=void 0,$t=0;function io(e){if(A!==void 0){var t=e.n;if(t===void 0||t.t!==A)return t={i:0,S:e,p:A.s,n:void 0,t:A,e:void 0,x:void 0,r:t},A.s!==void 0&&(A.s.n=t),A.s=t,e.n=t,32&A.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=A.s,t.n=void 0,A.s.n=t,A.s=t),t}}function z(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}z.prototype.brand=Oa;z.prototype.h=function(){return!0};z.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n!==void 0?n.e=e:nt(function(){var o;(o=t.W)==null||o.call(t)}))};z.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,o=e.x;n!==void 0&&(n.x=o,e.e=void 0),o!==void 0&&(o.e=n,e.x=void 0),e===this.t&&(this.t=o,o===void 0&&nt(function(){var i;(i=t.Z)==null||i.call(t)}))}};z.prototype.subscribe=function(e){var t=this;return Te(function(){var n=t.value;nt(function(){return e(n)})},{name:"sub"})};z.prototype.valueOf=function(){return this.value};z.prototype.toString=function(){return this.value+""};z.prototype.toJSON=function(){return this.value};z.prototype.peek=function(){var e=this;return nt(function(){return e.value})};Object.defineProperty(z.prototype,"value",{get:function(){var e=io(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(yt>100)throw new Error("Cycle detected");(function(n){ae!==0&&yt===0&&n.l!==sn&&(n.l=sn,wt={S:n,v:n.v,i:n.i,o:wt})})(this),this.v=e,this.i++,$t++,ae++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{kt()}}}});function y(e,t){return new z(e,t)}function ro(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function so(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function lo(e){for(var t=e.s,n=void 0;t!==void 0;){var o=t.p;t.i===-1?(t.S.U(t),o!==void 0&&(o.n=t.n),t.n!==void 0&&(t.n.p=o)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=o}e.s=n}function Se(e,t){z.call(this,void 0,t),this.x=e,this.s=void 0,this.g=$t-1,this.f=4}Se.prototype=new z;Se.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===$t))return!0;if(this.g=$t,this.f|=1,this.i>0&&!ro(this))return this.f&=-2,!0;var e=A;try{so(this),A=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(n){this.v=n,this.f|=16,this.i++}return A=e,lo(this),this.f&=-2,!0};Se.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}z.prototype.S.call(this,e)};Se.prototype.U=function(e){if(this.t!==void 0&&(z.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};Se.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(Se.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=io(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function W(e,t){return new Se(e,t)}function co(e){var t=e.j;if(e.j=void 0,typeof t=="function"){ae++;var n=A;A=void 0;try{t()}catch(o){throw e.f&=-2,e.f|=8,ln(e),o}finally{A=n,kt()}}}function ln(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,co(e)}function Ha(e){if(A!==this)throw new Error("Out-of-order effect");lo(this),A=e,this.f&=-2;try{8&this.f&&ln(this)}finally{kt()}}function Re(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,et&&et.push(this)}Re.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};Re.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,co(this),so(this),ae++;var e=A;return A=this,Ha.bind(this,e)};Re.prototype.N=function(){2&this.f||(this.f|=2,this.u=tt,tt=this)};Re.prototype.d=function(){this.f|=8,1&this.f||ln(this)};Re.prototype.dispose=function(){this.d()};function Te(e,t){var n=new Re(e,t);try{n.c()}catch(i){throw n.d(),i}var o=n.d.bind(n);return o[Symbol.dispose]=o,o}var po,St,Ct,Wa=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var uo=[];Te(function(){po=this.N})();function Ue(e,t){$[e]=t.bind(null,$[e]||function(){})}function ot(e){if(Ct){var t=Ct;Ct=void 0,t()}Ct=e&&e.S()}function fo(e){var t=this,n=e.data,o=Ba(n);o.name="ReactiveDom",o.value=n;var i=_t(function(){for(var s=t,d=t.__v;d=d.__;)if(d.__c){d.__c.__$f|=4;break}var u=W(function(){var c=o.value.value;return c===0?0:c===!0?"":c||""}),p=W(function(){return!Array.isArray(u.value)&&!Kt(u.value)}),h=Te(function(){if(this.N=mo,p.value){var c=u.value;s.__v&&s.__v.__e&&s.__v.__e.nodeType===3&&(s.__v.__e.data=c)}}),f=t.__$u.d;return t.__$u.d=function(){h(),f.call(this)},[p,u]},[]),a=i[0],r=i[1];return a.value?r.peek():r.value}fo.displayName="ReactiveTextNode";Object.defineProperties(z.prototype,{constructor:{configurable:!0,value:Qe(Ce,null).constructor},type:{configurable:!0,value:fo},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});Ue("__b",function(e,t){if(ot(),St=void 0,typeof t.type=="string"){var n,o=t.props;for(var i in o)if(i!=="children"){var a=o[i];a instanceof z&&(n||(t.__np=n={}),n[i]=a,o[i]=a.peek())}}e(t)});Ue("__r",function(e,t){if(e(t),t.type!==Ce){ot();var n,o=t.__c;o&&(o.__$f&=-2,(n=o.__$u)===void 0&&(o.__$u=n=(function(i,a){var r;return Te(function(){r=this},{name:a}),r.c=i,r})((function(i){return function(){var a;Wa&&((a=this.y)==null||a.call(this)),i.__$f|=1,i.setState({})}})(o),typeof t.type=="function"?t.type.displayName||t.type.name:""))),St=o,ot(n)}});Ue("__e",function(e,t,n,o){ot(),St=void 0,e(t,n,o)});Ue("diffed",function(e,t){ot(),St=void 0;var n;if(typeof t.type=="string"&&(n=t.__e)){var o=t.__np,i=t.props,a=n.U;if(a)for(var r in a){var s=a[r];s===void 0||o&&r in o||(s.d(),a[r]=void 0)}if(o){a||(a={},n.U=a);for(var d in o){var u=a[d],p=o[d];u===void 0?(u=Fa(n,d,p,i),a[d]=u):u.o(p,i)}}}e(t)});function Fa(e,t,n,o){var i=t in e&&e.ownerSVGElement===void 0,a=y(n);return{o:function(r,s){a.value=r,o=s},d:Te(function(){this.N=mo;var r=a.value.value;o[t]!==r&&(o[t]=r,i?e[t]=r:r!=null&&(r!==!1||t[4]==="-")?e.setAttribute(t,r):e.removeAttribute(t))})}}Ue("unmount",function(e,t){if(typeof t.type=="string"){var n=t.__e;if(n){var o=n.U;if(o){n.U=void 0;for(var i in o){var a=o[i];a&&a.d()}}}var r=t.__np;if(r){var s=t.props;for(var d in r)s[d]=r[d]}t.__np=void 0}else{var u=t.__c;if(u){u.__$f|=8;var p=u.__$u;p&&(u.__$u=void 0,p.d())}}e(t)});Ue("__h",function(e,t,n,o){o<3&&(t.__$f|=2),e(t,n,o)});ke.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,o=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var a=2&this.__$f;if(!(o||a||4&this.__$f)||1&this.__$f)return!0}else if(!(o||4&this.__$f)||3&this.__$f)return!0;for(var r in e)if(r!=="__source"&&e[r]!==this.props[r])return!0;for(var s in this.props)if(!(s in e))return!0;return!1};function Ba(e,t){return _t(function(){return y(e,t)},[])}var Va=function(e){queueMicrotask(function(){queueMicrotask(e)})};function Ka(){me(function(){for(var e;e=uo.shift();)po.call(e)})}function mo(){uo.push(this)===1&&($.requestAnimationFrame||Va)(Ka)}var ho="parley_csrf",Ga="X-CSRF-Token",Oe=vo(ho);function vo(e){for(let t of document.cookie.split(";")){let[n,...o]=t.trim().split("=");if(n===e)return decodeURIComponent(o.join("="))}return""}var je=class extends Error{constructor(t,n){super(n?.detail||n?.title||`Request failed (${t})`),this.status=t,this.code=n?.code||"",this.reason=n?.reason||"",this.fields=n?.errors||[]}};async function He(e,t,{body:n,query:o,headers:i={},raw:a}={}){let r=t;if(o){let f=new URLSearchParams;for(let[m,g]of Object.entries(o))g==null||g===""||(Array.isArray(g)?g.forEach(x=>f.append(m,x)):f.set(m,String(g)));let c=f.toString();c&&(r+="?"+c)}let s={Accept:"application/json",...i};e!=="GET"&&e!=="HEAD"&&(Oe||(Oe=vo(ho)),Oe&&(s[Ga]=Oe));let d;a!==void 0?d=a:n!==void 0&&(s["Content-Type"]="application/json",d=JSON.stringify(n));let u;try{u=await fetch(r,{method:e,headers:s,body:d,credentials:"same-origin"})}catch{throw new je(0,{detail:"The server cannot be reached. Check your connection."})}if(u.status===204)return null;let p=await u.text(),h=null;if(p)try{h=JSON.parse(p)}catch{h=null}if(!u.ok){let f=new je(u.status,h);throw u.status===401&&cn&&!t.endsWith("/auth/login")&&cn(f),f}return h}var cn=null;function bo(e){cn=e}var ie=(e,t)=>He("GET",e,{query:t}),B=(e,t,n)=>He("POST",e,{body:t,query:n}),go=(e,t)=>He("PATCH",e,{body:t}),Ya=(e,t)=>He("PUT",e,{body:t}),Ja=e=>He("DELETE",e);async function Tt(e,t={},n=1e3){let o=[],i="";do{let a=await ie(e,{...t,limit:200,cursor:i});o.push(...a.items||[]),i=a.next_cursor||""}while(i&&o.length<n);return o}async function xo(e,t,n){let o=await B("/api/v1/auth/login",{email:e,password:t,workspace:n||void 0});return Oe=o.csrf_token,o}async function _o(){try{await B("/api/v1/auth/logout")}finally{Oe=""}}var F=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,b={conversations:e=>Tt("/api/v1/conversations",e),conversation:e=>ie(F(e)),messages:(e,t)=>ie(F(e)+"/messages",t),send:(e,t)=>B(F(e)+"/messages",t),assign:(e,t)=>B(F(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,n)=>B(F(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:n}),unassign:(e,t)=>B(F(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>B(F(e)+"/resolve"),reopen:e=>B(F(e)+"/reopen"),markRead:(e,t)=>B(F(e)+"/read",{seq:t}),unread:e=>ie(F(e)+"/unread"),readStates:e=>ie(F(e)+"/read-states"),upload:(e,t)=>He("POST",F(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>ie(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>Tt("/api/v1/agents"),createAgent:e=>B("/api/v1/agents",e),updateAgent:(e,t)=>go(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>Tt("/api/v1/inboxes"),createInbox:e=>B("/api/v1/inboxes",e),updateInbox:(e,t)=>go(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>Tt("/api/v1/tokens"),createToken:e=>B("/api/v1/tokens",e),revokeToken:e=>Ja(`/api/v1/tokens/${encodeURIComponent(e)}`),audit:e=>ie("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>Ya("/api/v1/me/presence",{status:e})};var Ae=y("connecting"),dn=new Set,re=new Map,Q=null,at=1e3,pn=0,Xa=1,it=!0,We=new Map;function yo(e){return dn.add(e),()=>dn.delete(e)}function wo(){it&&(it=!1,un())}function $o(){it=!0,clearTimeout(pn),re.clear(),Q&&Q.close(1e3),Q=null}function un(){Ae.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);Q=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=n=>{let o;try{o=JSON.parse(n.data)}catch{return}if(o.type==="ready"){Ae.value="online",at=1e3,Fe({type:"subscribe_feed"}).catch(()=>{});for(let[i,a]of re)Fe({type:"subscribe",conversation_id:i,after_seq:a}).catch(()=>{})}if(o.type==="message"&&o.message){let i=re.get(o.conversation_id);i!==void 0&&o.message.seq>i&&re.set(o.conversation_id,o.message.seq)}if(o.type==="subscribed"){let i=re.get(o.conversation_id);i!==void 0&&re.set(o.conversation_id,Math.max(i,o.last_seq))}if(o.id&&We.has(o.id)){let i=We.get(o.id);We.delete(o.id),o.type==="error"?i.reject(o):i.resolve(o)}for(let i of dn)try{i(o)}catch(a){console.error(a)}},t.onclose=n=>{if(Q!==t)return;Q=null;for(let i of We.values())i.reject({code:"unavailable",message:"disconnected"});if(We.clear(),it||(Ae.value="offline",n.code===1008&&n.reason==="no session cookie"))return;let o=Math.min(at,3e4)*(.8+Math.random()*.4);at=Math.min(at*2,3e4),pn=setTimeout(un,o)}}function ko(){it||Q||(clearTimeout(pn),at=1e3,un())}function Fe(e){return new Promise((t,n)=>{if(!Q||Q.readyState!==WebSocket.OPEN||Ae.value!=="online"){n({code:"unavailable",message:"not connected"});return}let o="c"+Xa++;We.set(o,{resolve:t,reject:n}),Q.send(JSON.stringify({...e,id:o}))})}function fn(e,t){let n=re.get(e);n!==void 0&&n>=t||(re.set(e,t),Ae.value==="online"&&Fe({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var Co=e=>re.has(e);function So(e,t){Fe({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var Ao="parley.console.sound",ge=y(typeof Notification>"u"?"unsupported":Notification.permission),rt=y(localStorage.getItem(Ao)!=="off"),K=null;async function Eo(){if(mn(),!(typeof Notification>"u"))try{ge.value=await Notification.requestPermission()}catch{ge.value=Notification.permission}}function No(e){rt.value=e,localStorage.setItem(Ao,e?"on":"off"),e&&mn()}function mn(){let e=window.AudioContext||window.webkitAudioContext;e&&(K||(K=new e),K.state==="suspended"&&K.resume().catch(()=>{}))}function Mo(e){e.isTrusted&&rt.value&&K?.state!=="running"&&mn()}document.addEventListener("pointerdown",Mo,!0);document.addEventListener("keydown",Mo,!0);function Qa(){if(!rt.value||!K||K.state!=="running")return;let e=K.currentTime;[[880,0],[1318.5,.12]].forEach(([t,n])=>{let o=K.createOscillator(),i=K.createGain();o.type="sine",o.frequency.value=t,i.gain.setValueAtTime(1e-4,e+n),i.gain.exponentialRampToValueAtTime(.18,e+n+.02),i.gain.exponentialRampToValueAtTime(1e-4,e+n+.35),o.connect(i).connect(K.destination),o.start(e+n),o.stop(e+n+.4)})}function gn(e,t,n){if(document.hidden&&(Qa(),ge.value==="granted"))try{let o=new Notification(e,{body:t.slice(0,140),tag:n,icon:void 0});o.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:n})),o.close()}}catch{}}var q=y(null),$n=y(!1),R=y({}),G=y({}),U=y({}),Z=y({}),ve=y([]),Ne=y([]),L=y({}),Ee=y({}),ee=y({}),Be=y({}),At=y(!0),lt=y(!1),Ve=y([]),he=y(""),Y=W(()=>q.value?.agent?.id||""),se=W(()=>q.value?.agent?.role||""),rr=W(()=>new Set(q.value?.scopes||[]));var hn=(e,t)=>t.updated_at>e.updated_at?1:t.updated_at<e.updated_at?-1:0,Za=(e,t)=>e.created_at<t.created_at?-1:e.created_at>t.created_at?1:0,Me=W(()=>{let e=Object.values(R.value),t=Y.value;return{queue:e.filter(n=>n.status==="pending").sort(Za),mine:e.filter(n=>n.status==="assigned"&&n.assignee_id===t).sort(hn),open:e.filter(n=>n.status==="pending"||n.status==="assigned").sort(hn),resolved:e.filter(n=>n.status==="resolved").sort(hn)}}),sr=W(()=>Me.value.mine.reduce((e,t)=>e+(U.value[t.id]||0),0)),ei=0;function S(e,t="info"){let n=++ei;Ve.value=[...Ve.value,{id:n,text:e,kind:t}],setTimeout(()=>kn(n),t==="error"?8e3:4e3)}function kn(e){Ve.value=Ve.value.filter(t=>t.id!==e)}function E(e,t){let n=e instanceof je||e?.message?e.message:String(e),o=(e?.fields||[]).map(i=>i.message).filter(Boolean);o.length&&(n=o.join("; ")),S(t?`${t}: ${n}`:n,"error")}function le(e){if(!e?.id)return;let t=R.value[e.id];t&&t.updated_at>e.updated_at||(R.value={...R.value,[e.id]:{...t,...e}})}var zo=e=>e.status==="pending"||e.status==="assigned";async function Lo(){At.value=!0,wo();try{let[e,t,n]=await Promise.all([b.conversations({status:"pending,assigned"}),b.agents().catch(()=>[]),b.inboxes().catch(()=>[])]);me(()=>{ve.value=t,Ne.value=n;for(let o of e)le(o)});for(let o of e)Do(o);Mt(e.map(o=>o.id))}catch(e){E(e,"Could not load conversations")}finally{At.value=!1}}async function qo(){if(!lt.value)try{let e=await b.conversations({status:"resolved"});me(()=>{for(let t of e)le(t)}),lt.value=!0}catch(e){E(e,"Could not load resolved conversations")}}function Nt(){$o(),wn.clear(),me(()=>{q.value=null,R.value={},G.value={},U.value={},Z.value={},L.value={},Ee.value={},lt.value=!1,he.value=""})}function Do(e){zo(e)&&fn(e.id,Math.max(0,e.last_seq-1))}var Et=[],yn=new Set,st={},vn=0,Cn=e=>he.value===e&&!document.hidden;function Mt(e){for(let t of e)yn.has(t)||(yn.add(t),Et.push(t));for(;vn<4&&Et.length;)vn++,ti().finally(()=>{vn--})}async function ti(){for(;Et.length;){let e=Et.shift();yn.delete(e);let t=st[e]=(st[e]||0)+1;try{let n=await b.unread(e);st[e]===t&&!Cn(e)&&(U.value={...U.value,[e]:n.count})}catch{}}}var wn=new Map,bn=new Map;function be(e,t=!1){if(!e)return;let n=wn.get(e);if(!(n!==void 0&&!t)){if(n!==void 0&&Date.now()-n<3e3){bn.has(e)||bn.set(e,setTimeout(()=>{bn.delete(e),be(e,!0)},3e3-(Date.now()-n)));return}wn.set(e,Date.now()),b.contact(e).then(o=>{Z.value={...Z.value,[e]:o}},()=>{Z.value[e]||(Z.value={...Z.value,[e]:{id:e,missing:!0}})})}}var Ro=e=>{let t=Z.value[e];return!!t&&!t.missing&&!t.name};function ce(e){let t=Z.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function Ke(e){return e?e===Y.value?"you":ve.value.find(t=>t.id===e)?.name||"an agent":""}function Pe(e){let t=Ne.value.find(n=>n.id===e)?.name;return!t&&e&&ni(),t||""}var xn=null,Po=0;function ni(){xn||Date.now()-Po<1e4||(xn=b.inboxes().then(e=>{Ne.value=e},()=>{}).finally(()=>{xn=null,Po=Date.now()}))}function Pt(e,t){let n=new Map(e.map(o=>[o.seq,o]));for(let o of t)n.set(o.seq,o);return[...n.values()].sort((o,i)=>o.seq-i.seq)}async function Uo(e){he.value=e;let t=R.value[e];try{t||(t=await b.conversation(e),le(t)),be(t.contact_id,!0);let o=(await b.messages(e,{before_seq:t.last_seq+1,limit:50})).items||[];L.value={...L.value,[e]:Pt(L.value[e]||[],o)};let i=o[o.length-1];i&&!(G.value[e]?.seq>=i.seq)&&(G.value={...G.value,[e]:i}),Ee.value={...Ee.value,[e]:o.length>0&&o[0].seq>1&&o.length===50},fn(e,o.length?o[o.length-1].seq:t.last_seq),b.readStates(e).then(a=>{let r=(a.items||[]).find(s=>s.participant.type==="contact");r&&(Be.value={...Be.value,[e]:r.last_read_seq})}).catch(()=>{}),ct(e)}catch(n){E(n,"Could not open the conversation")}}async function Oo(e){let t=L.value[e]||[];if(t.length)try{let o=(await b.messages(e,{before_seq:t[0].seq,limit:50})).items||[];L.value={...L.value,[e]:Pt(L.value[e]||[],o)},Ee.value={...Ee.value,[e]:o.length===50&&o[0].seq>1}}catch(n){E(n,"Could not load earlier messages")}}var _n={};function ct(e){if(document.hidden||he.value!==e)return;let t=L.value[e]||[],n=R.value[e],o=Math.max(t.length?t[t.length-1].seq:0,n?.last_seq||0);o>0&&(_n[e]||0)<o&&(_n[e]=o,Fe({type:"read",conversation_id:e,seq:o}).catch(()=>b.markRead(e,o)).catch(()=>{_n[e]=0})),st[e]=(st[e]||0)+1,U.value[e]&&(U.value={...U.value,[e]:0})}function Sn(e){let t=e.conversation_id;L.value[t]&&(L.value={...L.value,[t]:Pt(L.value[t],[e])}),G.value={...G.value,[t]:e}}function oi(e){let t=e.message,n=e.conversation_id,o=R.value[n],i=o&&t.seq>o.last_seq,a=t.sender?.type==="agent"&&t.sender.id===Y.value;if(me(()=>{L.value[n]&&(L.value={...L.value,[n]:Pt(L.value[n],[t])});let r=G.value[n];if((!r||r.seq<=t.seq)&&(G.value={...G.value,[n]:t}),i&&(R.value={...R.value,[n]:{...o,last_seq:t.seq,updated_at:t.created_at>o.updated_at?t.created_at:o.updated_at}}),t.sender?.type==="contact"){let s={...ee.value};delete s[n],ee.value=s}}),o&&t.sender?.type==="contact"&&Ro(o.contact_id)&&be(o.contact_id,!0),!(!i||a||t.kind==="event")){if(Cn(n)){ct(n);return}U.value={...U.value,[n]:(U.value[n]||0)+1},Mt([n]),o.status==="assigned"&&o.assignee_id===Y.value&&t.sender?.type==="contact"&&gn(`New message from ${ce(o.contact_id)}`,t.body||"Sent a file",`/console/mine/${n}`)}}function Io(e,t){let n=R.value[e.id];le(e),be(e.contact_id,Ro(e.contact_id)),zo(e)&&!Co(e.id)&&(Do(e),Mt([e.id])),t==="conversation.queued"&&(!n||n.status!=="pending")&&gn("New conversation waiting",`${ce(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}yo(e=>{switch(e.type){case"message":e.message&&oi(e);break;case"message.updated":case"message.deleted":e.message&&Sn(e.message);break;case"conversation":e.conversation&&Io(e.conversation,e.event);break;case"event":e.event?.payload?.conversation&&Io(e.event.payload.conversation,e.event.type);break;case"subscribed":if(e.conversation){let t=R.value[e.conversation.id]?.last_seq||0;le(e.conversation),e.conversation.last_seq>t&&!Cn(e.conversation.id)&&Mt([e.conversation.id])}break;case"typing":(e.by?.type==="contact"||e.by?.id!==Y.value)&&(ee.value={...ee.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(Be.value={...Be.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&he.value&&ct(he.value)});async function Tn(){try{let e=await ie("/api/v1/me");if(e.kind!=="agent"){q.value=null;return}q.value=e}catch{q.value=null}finally{$n.value=!0}}var Ie="/console",It=y(location.pathname),ze=W(()=>{let e=It.value.slice(Ie.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="admin"?{section:"admin",page:e[1]||"agents"}:{section:"inbox",list:["queue","mine","open","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function J(e,{replace:t=!1}={}){e!==It.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),It.value=e)}var X=(e,t)=>`${Ie}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{It.value=location.pathname});window.addEventListener("parley:navigate",e=>J(e.detail));var D=e=>({size:t=18}={})=>l`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,zt=D(l`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),Lt=D(l`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),Ge=D(l`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),qt=D(l`<path d="M20 6 9 17l-5-5"/>`),jo=D(l`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),Ho=D(l`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Wo=D(l`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),Fo=D(l`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),Bo=D(l`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),Vo=D(l`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),Dt=D(l`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),Ko=D(l`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),Go=D(l`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),Yo=D(l`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),Jo=D(l`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),Rt=D(l`<path d="M18 6 6 18M6 6l12 12"/>`),Ut=D(l`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),Xo=D(l`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),Qo=D(l`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),dt=()=>l`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function Zo({onLoggedIn:e}){let[t,n]=v(""),[o,i]=v(""),[a,r]=v(""),[s,d]=v(!1),[u,p]=v(""),[h,f]=v(!1);async function c(m){m.preventDefault(),f(!0),p("");try{await xo(t.trim(),o,a.trim()),await e()}catch(g){p(g.status===401?"The email or password is not right.":g.message),f(!1)}}return l`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${c} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${dt} /> <span>Parley</span></div>
        <h1 id="login-title">Sign in to the console</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${u&&l`<div class="form-error" role="alert" id="login-error">${u}</div>`}
        <label class="field">
          <span>Email</span>
          <input type="email" name="email" autocomplete="username" required autofocus
            value=${t} onInput=${m=>n(m.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Password</span>
          <input type="password" name="password" autocomplete="current-password" required
            value=${o} onInput=${m=>i(m.currentTarget.value)} />
        </label>
        ${s?l`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${a} placeholder="default"
              onInput=${m=>r(m.currentTarget.value)} />
          </label>`:l`
          <button type="button" class="link-button" onClick=${()=>d(!0)}>Sign in to another workspace</button>`}
        <button type="submit" class="button primary block" disabled=${h||!t||!o}>
          ${h?"Signing in…":"Sign in"}
        </button>
      </form>
    </main>`}var ai=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],ii=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function O(e,t=Date.now()){if(!e)return"";let n=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(n)<45)return"now";for(let[o,i]of ai)if(Math.abs(n)>=i||o==="minute")return ii.format(Math.round(n/i),o);return""}function An(e){let t=new Date(e),n=new Date,o={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==n.toDateString()&&Object.assign(o,{month:"short",day:"numeric"}),t.toLocaleString(void 0,o)}var Le=e=>e?new Date(e).toLocaleString():"";function Ot(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function ea(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function ta(e){let t=0;for(let n of e||"")t=(t*31+n.charCodeAt(0))%360;return t}function jt(e=3e4){let[t,n]=v(Date.now());return C(()=>{let o=setInterval(()=>n(Date.now()),e);return()=>clearInterval(o)},[e]),t}function te({id:e,name:t,size:n="md",url:o}){return o?l`<img class=${`avatar avatar-${n} avatar-img`} src=${o} alt="" referrerpolicy="no-referrer" />`:l`<span class=${`avatar avatar-${n} av-${ta(e)%8}`} aria-hidden="true">${ea(t)}</span>`}var pt={queue:"Queue",mine:"Mine",open:"All open",resolved:"Resolved"};var ri={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",zt],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",Lt],open:["No open conversations","Every conversation is resolved. Nice work.",Ge],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",qt]};function na({list:e,items:t,loading:n,selected:o}){jt();let[i,a,r]=ri[e];return l`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${pt[e]}</h1>
        <span class="muted small" aria-live="polite">${n?"":`${t.length} conversation${t.length===1?"":"s"}`}</span>
      </header>
      ${n&&!t.length?l`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(s=>l`<li key=${s} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?l`
        <ul class="conv-list" aria-label=${pt[e]+" conversations"}>
          ${t.map(s=>l`<${si} key=${s.id} c=${s} list=${e} selected=${s.id===o} />`)}
        </ul>`:l`
        <div class="empty small-empty">
          <div class="empty-icon"><${r} size=${22} /></div>
          <h2>${i}</h2>
          <p class="muted">${a}</p>
        </div>`}
    </section>`}function si({c:e,list:t,selected:n}){be(e.contact_id);let o=ce(e.contact_id),i=G.value[e.id],a=U.value[e.id]||0,r=ee.value[e.id]&&Date.now()-ee.value[e.id].at<5e3&&ee.value[e.id].by?.type==="contact",s="No messages yet";r?s="typing…":i&&(s=(i.sender?.type==="contact"?"":i.kind==="note"?"Note: ":"You: ")+(i.deleted_at?"Message deleted":i.body||(i.attachments?.length?`📎 ${i.attachments[0].name}`:"")));let d=X(t,e.id),u=[Pe(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+Ke(e.assignee_id):""].filter(Boolean).join(" · ");return l`
    <li>
      <a href=${d} class=${"conv-item"+(n?" selected":"")+(a?" has-unread":"")}
        aria-current=${n?"true":void 0} data-conversation=${e.id}
        onClick=${p=>{!p.metaKey&&!p.ctrlKey&&(p.preventDefault(),J(d))}}>
        <${te} id=${e.contact_id} name=${o} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${o}</span>
            <time class="conv-time" datetime=${e.updated_at}>${O(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(r?" typing":"")}>${s}</span>
            ${a>0&&l`<span class="badge badge-accent unread-badge" aria-label=${a+" unread"}>${a}</span>`}
          </span>
          ${u&&l`<span class="conv-meta">${u}</span>`}
        </span>
      </a>
    </li>`}var oa=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function aa({conv:e}){let[t,n]=v("reply"),[o,i]=v(""),[a,r]=v([]),[s,d]=v(0),[u,p]=v(!1),h=V(null),f=V(null),c=V(0),m=V(oa());if(C(()=>{let w=P=>{(P.detail==="reply"||P.detail==="note")&&(n(P.detail),h.current?.focus())};return window.addEventListener("parley:command",w),()=>window.removeEventListener("parley:command",w)},[]),e.status==="resolved")return l`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let g=t==="note",x=!u&&s===0&&(o.trim()||!g&&a.length);async function k(){if(!x)return;p(!0);let w={client_id:m.current,body:o.trim()};g?w.kind="note":a.length&&(w.kind="attachment",w.attachment_ids=a.map(P=>P.id));try{let P=await b.send(e.id,w);Sn(P),i(""),r([]),m.current=oa(),ct(e.id),h.current?.focus()}catch(P){E(P,g?"The note was not saved":"The message was not sent")}finally{p(!1)}}async function _(w){for(let P of w){d(j=>j+1);try{let j=await b.upload(e.id,P);r(ne=>[...ne,j])}catch(j){E(j,`Could not upload ${P.name}`)}finally{d(j=>j-1)}}}function M(w){i(w.currentTarget.value);let P=Date.now();P-c.current>1500&&(c.current=P,So(e.id,g))}function T(w){w.key==="Enter"&&!w.shiftKey&&!w.isComposing&&(w.preventDefault(),k())}return l`
    <form class=${"composer"+(g?" composer-note":"")} onSubmit=${w=>{w.preventDefault(),k()}}
      aria-label=${g?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&l`
        <div class="composer-hint">This conversation is waiting in the queue.${" "}<button type="button" class="link-button"
          onClick=${()=>Ht(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(g?"":" active")} aria-pressed=${!g} onClick=${()=>{n("reply"),h.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(g?" active":"")} aria-pressed=${g} onClick=${()=>{n("note"),h.current?.focus()}}
          aria-keyshortcuts="n"><${Dt} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${g?"Private note, only agents see it":"Reply"}</label>
      <textarea id="composer-text" ref=${h} rows="3" value=${o} onInput=${M} onKeyDown=${T}
        placeholder=${g?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      ${(a.length>0||s>0)&&l`
        <ul class="staged" aria-label="Files to send">
          ${a.map(w=>l`<li class="chip">${w.name} <span class="muted">${Ot(w.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+w.name}
              onClick=${()=>r(a.filter(P=>P.id!==w.id))}><${Rt} size=${14} /></button></li>`)}
          ${s>0&&l`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${f} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${w=>{_([...w.currentTarget.files]),w.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${g}
          title=${g?"Notes cannot carry files":"Attach a file"} onClick=${()=>f.current?.click()}><${Bo} /></button>
        <span class="muted small composer-tip">${g?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(g?"note":"primary")} disabled=${!x}>
          <${Vo} size=${16} /> ${g?"Add note":"Send"}
        </button>
      </div>
    </form>`}var li={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function ia({conv:e,list:t}){let n=ce(e.contact_id);return di(e),l`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${n}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${li[e.status]}</span>
            ${e.assignee_id&&l`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${Ke(e.assignee_id)}</span>`}
            ${Pe(e.inbox_id)&&l`<span class="muted small">· ${Pe(e.inbox_id)}</span>`}
          </div>
        </div>
        <${pi} conv=${e} />
      </header>
      <${ui} conv=${e} />
      <${gi} id=${e.id} name=${n} />
      <${aa} conv=${e} />
    </div>`}async function Ye(e,t){try{let n=await t();return n&&le(n),n}catch(n){return n.status===409?E(n,`Could not ${e}, the conversation changed meanwhile`):E(n,`Could not ${e}`),null}}var Ht=e=>Ye("take it",()=>b.assign(e.id)).then(t=>t&&S("You took the conversation.","success")),ra=e=>Ye("resolve it",()=>b.resolve(e.id)).then(t=>t&&S("Conversation resolved.","success")),ci=e=>Ye("reopen it",()=>b.reopen(e.id)).then(t=>t&&S("Conversation reopened.","success"));function di(e){C(()=>{let t=n=>{n.detail==="take"&&e.status==="pending"&&Ht(e),n.detail==="resolve"&&e.status!=="resolved"&&ra(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function pi({conv:e}){let t=Y.value,n=se.value==="admin"||se.value==="supervisor",o=ve.value.filter(a=>!a.disabled&&!a.bot&&a.id!==e.assignee_id),i=(a,r)=>l`
    <select class="select small" aria-label=${a} value=""
      onChange=${s=>{let d=s.currentTarget.value;s.currentTarget.value="",d&&r(d)}}>
      <option value="">${a}…</option>
      ${o.map(s=>l`<option value=${s.id}>${s.name}${s.id===t?" (you)":""}</option>`)}
    </select>`;return l`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&l`
        <button type="button" class="button primary" onClick=${()=>Ht(e)} aria-keyshortcuts="t">Take</button>
        ${n&&i("Assign to",a=>Ye("assign it",()=>b.assign(e.id,a)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||n)&&l`
        ${i("Transfer to",a=>Ye("transfer it",()=>b.transfer(e.id,e.assignee_id,a)).then(r=>r&&S(`Transferred to ${Ke(a)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Ye("put it back",()=>b.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${e.status!=="resolved"?l`<button type="button" class="button success" onClick=${()=>ra(e)} aria-keyshortcuts="e">Resolve</button>`:l`<button type="button" class="button" onClick=${()=>ci(e)}>Reopen</button>`}
    </div>`}function ui({conv:e}){let t=L.value[e.id],n=V(null),o=V(!0),i=t?.length?t[t.length-1].seq:0;if(oo(()=>{let s=n.current;s&&o.current&&(s.scrollTop=s.scrollHeight)},[i,e.id]),!t)return l`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let a=Be.value[e.id]||0,r=-1;return t.forEach((s,d)=>{s.sender?.type!=="contact"&&s.kind!=="note"&&s.kind!=="event"&&(r=d)}),l`
    <div class="messages" ref=${n} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${s=>{let d=s.currentTarget;o.current=d.scrollHeight-d.scrollTop-d.clientHeight<80}}>
      ${Ee.value[e.id]&&l`<button type="button" class="button ghost small load-earlier" onClick=${()=>Oo(e.id)}>Load earlier messages</button>`}
      ${!t.length&&l`<p class="muted center">No messages yet.</p>`}
      ${t.map((s,d)=>l`<${mi} key=${s.seq} m=${s} conv=${e} prev=${t[d-1]}
        seen=${d===r&&a>=s.seq} />`)}
    </div>`}function fi(e,t){let n=e.sender||{};return n.display_name?n.display_name:n.type==="contact"?ce(t.contact_id):n.type==="agent"||n.type==="bot"?n.id===Y.value?"You":ve.value.find(o=>o.id===n.id)?.name||"Agent":"System"}function mi({m:e,conv:t,prev:n,seen:o}){if(e.kind==="event")return l`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${An(e.created_at)}</time></div>`;let i=e.sender?.type==="contact",a=e.kind==="note",r=n&&n.kind===e.kind&&n.sender?.type===e.sender?.type&&n.sender?.id===e.sender?.id&&new Date(e.created_at)-new Date(n.created_at)<300*1e3,s=fi(e,t),d=["msg",i?"msg-in":"msg-out",a?"msg-note":"",r?"grouped":"",e.deleted_at?"deleted":""].filter(Boolean).join(" ");return l`
    <article class=${d} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(a?"Private note by ":"Message from ")+s}>
      ${!r&&l`
        <div class="msg-head">
          ${i&&l`<${te} id=${t.contact_id} name=${s} size="sm" />`}
          <span class="msg-name">${s}</span>
          <time datetime=${e.created_at} title=${Le(e.created_at)}>${An(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${a&&l`<div class="note-label"><${Dt} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?l`<p class="msg-body muted">This message was deleted.</p>`:e.body&&l`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&l`
          <ul class="attachments">
            ${e.attachments.map(u=>l`
              <li><a class="attachment" href=${b.attachmentURL(u.id)} download=${u.name}>
                <${Jo} size=${16} /><span class="attachment-name">${u.name}</span><span class="muted">${Ot(u.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&l`<span class="muted small">(edited)</span>`}
      </div>
      ${o&&l`<div class="msg-seen">Seen</div>`}
    </article>`}function gi({id:e,name:t}){jt(1e3);let n=ee.value[e],o=n&&Date.now()-n.at<5e3,i="";return o&&(i=n.by?.type==="contact"?`${t} is typing…`:`${Ke(n.by?.id)||"An agent"} is typing${n.note?" a note":""}…`),l`<div class="typing" aria-live="polite">${o&&l`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${i}`}</div>`}function hi(e){return String(e).split(/(?=\.)|(?<=@)/).flatMap((t,n)=>n?[l`<wbr />`,t]:[t])}var sa={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function la({conv:e}){let t=e.contact_id,[n,o]=v(null);C(()=>{be(t);let u=!0;return b.conversations({contact_id:t}).then(p=>{if(u){for(let h of p)h.status!=="open"&&le(h);o(p)}}).catch(()=>u&&o([])),()=>{u=!1}},[t]);let i=Z.value[t],a=ce(t),r=i&&!i.missing?Object.entries(i.attributes||{}).filter(([u])=>u!=="unverified_email"):[],s=i&&!i.missing?[["Email",i.email],["Email (unverified)",i.attributes?.unverified_email],["Phone",i.phone],["External ID",i.external_id],["First seen",i.created_at&&O(i.created_at)]].filter(([,u])=>u):[],d=(n||[]).filter(u=>u.id!==e.id&&u.status!=="open");return l`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${te} id=${t} name=${a} size="lg" />
        <h2 id="contact-title">${a}</h2>
        ${i&&!i.missing&&(i.verified?l`<span class="verified" title="Identified by your website's back-end"><${Yo} size=${14} /> Verified</span>`:l`<span class="unverified">Guest · not verified</span>`)}
      </div>
      ${!i&&l`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${i?.missing&&l`<p class="muted small center">Contact details are not available.</p>`}
      ${s.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${s.map(([u,p])=>l`<dt>${u}</dt><dd>${u.startsWith("Email")?hi(p):p}</dd>`)}</dl>
        </section>`}
      ${r.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${r.map(([u,p])=>l`<dt>${u}</dt><dd>${typeof p=="object"?JSON.stringify(p):String(p)}</dd>`)}</dl>
        </section>`}
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${n===null?l`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:d.length===0?l`<p class="muted small">None — this is the first.</p>`:l`<ul class="mini-list">
              ${d.map(u=>l`<li key=${u.id}>
                <a href=${X(sa[u.status],u.id)} onClick=${p=>{p.preventDefault(),J(X(sa[u.status],u.id))}}>
                  <span class=${"status status-"+u.status}>${u.status}</span>
                  <span class="muted small">${Pe(u.inbox_id)} · ${O(u.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function ca({list:e,conversation:t}){C(()=>{e==="resolved"&&qo()},[e]),C(()=>{t?Uo(t):he.value=""},[t]);let n=Me.value[e]||[],o=At.value||e==="resolved"&&!lt.value,i=t?R.value[t]:null;return l`
    <${na} list=${e} items=${n} loading=${o} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?i?l`<${ia} key=${t} conv=${i} list=${e} />`:l`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:l`
          <div class="empty">
            <div class="empty-icon"><${Ge} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${i&&l`<${la} key=${i.contact_id} conv=${i} />`}`}function da(){let[e,t]=v(!0),[n,o]=v(!1),i=()=>b.agents().then(r=>{ve.value=r}).catch(r=>E(r,"Could not load agents")).finally(()=>t(!1));C(()=>{i()},[]);async function a(r){if(!(!r.disabled&&!confirm(`Disable ${r.name}? They are signed out and cannot sign in until enabled again.`)))try{await b.updateAgent(r.id,{disabled:!r.disabled}),S(`${r.name} is ${r.disabled?"enabled":"disabled"}.`,"success"),i()}catch(s){E(s)}}return l`
    <${xe} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>Add agent</button>
    <//>
    ${n&&l`<${vi} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading agents"></div>`:l`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${ve.value.map(r=>l`
              <tr key=${r.id} data-agent=${r.email}>
                <td><div class="cell-person"><${te} id=${r.id} name=${r.name} url=${r.avatar_url} size="sm" />
                  <div><div class="strong">${r.name}${r.id===Y.value?" (you)":""}</div><div class="muted small">${r.email}</div></div></div></td>
                <td><span class=${"role role-"+r.role}>${r.role}</span>${r.bot?l` <span class="tag">bot</span>`:""}</td>
                <td>${r.disabled?l`<span class="tag tag-muted">disabled</span>`:l`<span class=${"presence-label p-"+(r.presence||"offline")}><span class=${"presence-dot p-"+(r.presence||"offline")} aria-hidden="true"></span>${r.presence||"offline"}</span>`}</td>
                <td>${r.capacity||"∞"}</td>
                <td class="muted">${O(r.created_at)}</td>
                <td class="right">${r.id!==Y.value&&l`<button type="button" class="button small ghost" onClick=${()=>a(r)}>${r.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function vi({onDone:e}){let[t,n]=v({name:"",email:"",role:"agent",password:"",avatar_url:""}),[o,i]=v(null),[a,r]=v(!1),s=u=>p=>n({...t,[u]:p.currentTarget.value});async function d(u){u.preventDefault(),r(!0);try{await b.createAgent(t),S(`${t.name} can now sign in.`,"success"),e()}catch(p){i(p)}finally{r(!1)}}return l`
    <form class="card form-grid" onSubmit=${d} aria-label="New agent">
      <${de} error=${o} />
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
    </form>`}var En={en:{open:"Open chat",close:"Close chat",unread:e=>e+(e===1?" unread message":" unread messages"),online:"We usually reply in a few minutes",offline:"We are away right now. Leave a message and we will get back to you.",placeholder:"Write a message…",send:"Send",attach:"Attach a file",typing:"Support is typing…",seen:"Seen",sending:"Sending…",failed:"Not sent yet",connecting:"Connecting…",reconnecting:"Connection lost. Reconnecting…",conversations:"Your conversations",newConversation:"New conversation",back:"Back to your conversations",noConversations:"No conversations yet.",you:"You",agent:"Support",resolved:"Resolved",start:"Start the conversation",prechatIntro:"Tell us who you are, so that we can get back to you.",name:"Name",email:"Email",fileTooLarge:"This file is too large.",fileType:"This type of file is not accepted.",error:"Something went wrong. Please try again.",download:"Download"},de:{open:"Chat öffnen",close:"Chat schließen",unread:e=>e+(e===1?" ungelesene Nachricht":" ungelesene Nachrichten"),online:"Wir antworten meist in wenigen Minuten",offline:"Wir sind gerade nicht da. Hinterlassen Sie eine Nachricht, wir melden uns.",placeholder:"Nachricht schreiben…",send:"Senden",attach:"Datei anhängen",typing:"Der Support schreibt…",seen:"Gelesen",sending:"Wird gesendet…",failed:"Noch nicht gesendet",connecting:"Verbinde…",reconnecting:"Verbindung unterbrochen. Verbinde neu…",conversations:"Ihre Unterhaltungen",newConversation:"Neue Unterhaltung",back:"Zurück zu Ihren Unterhaltungen",noConversations:"Noch keine Unterhaltungen.",you:"Sie",agent:"Support",resolved:"Erledigt",start:"Unterhaltung beginnen",prechatIntro:"Sagen Sie uns, wer Sie sind, damit wir antworten können.",name:"Name",email:"E-Mail",fileTooLarge:"Die Datei ist zu groß.",fileType:"Dieser Dateityp wird nicht angenommen.",error:"Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",download:"Herunterladen"},fr:{open:"Ouvrir le chat",close:"Fermer le chat",unread:e=>e+(e===1?" message non lu":" messages non lus"),online:"Nous répondons en général en quelques minutes",offline:"Nous sommes absents. Laissez un message, nous vous répondrons.",placeholder:"Écrire un message…",send:"Envoyer",attach:"Joindre un fichier",typing:"Le support écrit…",seen:"Lu",sending:"Envoi…",failed:"Pas encore envoyé",connecting:"Connexion…",reconnecting:"Connexion perdue. Reconnexion…",conversations:"Vos conversations",newConversation:"Nouvelle conversation",back:"Retour à vos conversations",noConversations:"Aucune conversation.",you:"Vous",agent:"Support",resolved:"Résolue",start:"Commencer la conversation",prechatIntro:"Dites-nous qui vous êtes pour que nous puissions vous répondre.",name:"Nom",email:"E-mail",fileTooLarge:"Ce fichier est trop volumineux.",fileType:"Ce type de fichier n'est pas accepté.",error:"Une erreur est survenue. Veuillez réessayer.",download:"Télécharger"}};function pa(e,t=navigator.languages||[navigator.language]){for(let n of[e,...t]){let o=(n||"").toLowerCase().split("-")[0];if(En[o])return o}return"en"}var ua=e=>En[e]||En.en;var Wt=[["","The visitor's browser language"],["en","English"],["de","Deutsch"],["fr","Français"]],fa=[["name","Name"],["email","Email"]],bi=(e={})=>({title:e.title||"",greeting:e.greeting||"",color:e.color||"#2563eb",locale:e.locale||"",position:e.position==="left"?"left":"right",prechat:{enabled:!!e.prechat?.enabled,fields:[...e.prechat?.fields||[]]}});function ma({inbox:e,onSaved:t}){let[n,o]=v(()=>bi(e.widget)),[i,a]=v(null),[r,s]=v(!1),d=c=>`widget-${c}-${e.id}`,u=c=>m=>o({...n,[c]:m.currentTarget.value}),p=(c,m)=>{let g=fa.map(([x])=>x).filter(x=>x===c?m:n.prechat.fields.includes(x));o({...n,prechat:{...n.prechat,fields:g}})},h=Wt.some(([c])=>c===n.locale)?Wt:[...Wt,[n.locale,n.locale]];async function f(c){c.preventDefault(),s(!0);try{await b.updateInbox(e.id,{widget:n}),a(null),S("Widget settings saved.","success"),t()}catch(m){a(m)}finally{s(!1)}}return l`
    <form class="widget-settings" onSubmit=${f} aria-labelledby=${d("title-h")}>
      <h3 id=${d("title-h")}>Widget</h3>
      <${de} error=${i} />
      <div class="widget-settings-grid">
        <div>
          <label class="field"><span>Title</span>
            <input name="title" value=${n.title} maxlength="500" placeholder=${e.name} onInput=${u("title")} /></label>
          <label class="field"><span>Greeting</span>
            <textarea name="greeting" rows="2" maxlength="500" value=${n.greeting} placeholder="Hi! How can we help?" onInput=${u("greeting")}></textarea></label>
          <div class="field-row">
            <label class="field"><span>Colour</span>
              <span class="color-field">
                <input type="color" name="color" value=${n.color} onInput=${u("color")} aria-describedby=${d("color-hex")} />
                <code id=${d("color-hex")}>${n.color}</code>
              </span></label>
            <fieldset class="field">
              <legend>Position</legend>
              <span class="segmented">
                ${["left","right"].map(c=>l`<label key=${c} class="check">
                  <input type="radio" name=${d("position")} value=${c} checked=${n.position===c} onChange=${()=>o({...n,position:c})} />
                  ${c==="left"?"Bottom left":"Bottom right"}</label>`)}
              </span>
            </fieldset>
          </div>
          <label class="field"><span>Language</span>
            <select name="locale" value=${n.locale} onChange=${u("locale")}>
              ${h.map(([c,m])=>l`<option key=${c} value=${c}>${m}</option>`)}
            </select></label>
          <fieldset class="field">
            <legend>Pre-chat form</legend>
            <label class="switch"><input type="checkbox" name="prechat" checked=${n.prechat.enabled}
              onChange=${c=>o({...n,prechat:{...n.prechat,enabled:c.currentTarget.checked,fields:n.prechat.fields.length?n.prechat.fields:["name","email"]}})} />
              <span>Ask guests who they are before they write</span></label>
            ${n.prechat.enabled&&l`<span class="segmented">${fa.map(([c,m])=>l`<label key=${c} class="check">
              <input type="checkbox" name=${"prechat-"+c} checked=${n.prechat.fields.includes(c)} onChange=${g=>p(c,g.currentTarget.checked)} />${m}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${r}>Save widget</button>
        </div>
        <${_i} inbox=${e} f=${n} />
      </div>
    </form>`}function xi(e){let t=parseInt((e||"").slice(1),16);return isNaN(t)?"#fff":.299*(t>>16)+.587*(t>>8&255)+.114*(t&255)>170?"#111827":"#fff"}function _i({inbox:e,f:t}){let n=ua(pa(t.locale)),o={"--w-accent":t.color,"--w-on-accent":xi(t.color)},i=t.prechat.enabled&&t.prechat.fields.length>0;return l`
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
      <figcaption class="muted small">Preview: ${t.title||e.name}, ${t.position==="left"?"bottom left":"bottom right"}, ${Wt.find(([a])=>a===t.locale)?.[1]||t.locale}</figcaption>
    </figure>`}var yi=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function Nn(e,t="Copied"){try{await navigator.clipboard.writeText(e),S(`${t} to the clipboard.`,"success")}catch{S("Select the text and copy it by hand.","error")}}function ga(){let[e,t]=v(!0),[n,o]=v(!1),i=()=>b.inboxes().then(a=>{Ne.value=a}).catch(a=>E(a,"Could not load inboxes")).finally(()=>t(!1));return C(()=>{i()},[]),l`
    <${xe} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>New inbox</button>
    <//>
    ${n&&l`<${ki} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:Ne.value.length?Ne.value.map(a=>l`<${wi} key=${a.id} inbox=${a} onChange=${i} />`):l`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function wi({inbox:e,onChange:t}){let[n,o]=v((e.allowed_origins||[]).join(`
`)),[i,a]=v(null),r=yi(e),s="inbox-"+e.id;async function d(u,p){try{await b.updateInbox(e.id,u),a(null),S(p,"success"),t()}catch(h){a(h)}}return l`
    <section class="card inbox-card" aria-labelledby=${s} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${s}>${e.name}</h2>
          <p class="muted small">Widget title “${e.widget?.title||e.name}” · files up to ${Math.round((e.conversation?.max_attachment_size||0)/1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{background:e.widget?.color||"#2563eb"}}></span>
      </header>
      <${de} error=${i} />
      <div class="inbox-grid">
        <div>
          <h3>Widget snippet</h3>
          <p class="muted small">Paste it before <code>${"</body>"}</code> on every page of your site.</p>
          <div class="snippet">
            <pre><code class="snippet-code">${r}</code></pre>
            <button type="button" class="button small" onClick=${()=>Nn(r,"Snippet copied")}><${Ut} size=${14} /> Copy</button>
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
          <${$i} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${u=>{u.preventDefault(),d({allowed_origins:n.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${n} onInput=${u=>o(u.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${ma} inbox=${e} onSaved=${t} />
      </div>
    </section>`}function $i({identity:e}){let t=Object.entries(e||{}).filter(([o,i])=>o!=="require_verified"&&i!==null&&i!==""&&!(Array.isArray(i)&&i.length===0));if(!t.length)return null;let n=o=>Array.isArray(o)?`${o.length} configured`:typeof o=="object"?JSON.stringify(o):String(o);return l`<dl class="props small">${t.map(([o,i])=>l`<dt>${o.replace(/_/g," ")}</dt><dd>${n(i)}</dd>`)}</dl>`}function ki({onDone:e}){let[t,n]=v(""),[o,i]=v(""),[a,r]=v(null);async function s(d){d.preventDefault();try{await b.createInbox({name:t,allowed_origins:o.split(/[\s,]+/).filter(Boolean)}),S(`Inbox ${t} created.`,"success"),e()}catch(u){r(u)}}return l`
    <form class="card form-grid" onSubmit=${s} aria-label="New inbox">
      <${de} error=${a} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${d=>n(d.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${o} onInput=${d=>i(d.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function ha(){let[e,t]=v(null),[n,o]=v(!1),[i,a]=v(null),r=()=>b.tokens().then(t).catch(d=>{E(d,"Could not load tokens"),t([])});C(()=>{r()},[]);async function s(d){if(confirm(`Revoke “${d.name}”? Programs using it stop working at once.`))try{await b.revokeToken(d.id),S(`“${d.name}” is revoked.`,"success"),r()}catch(u){E(u)}}return l`
    <${xe} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{o(!n),a(null)}} aria-expanded=${n}>Create token</button>
    <//>
    ${i&&l`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${i.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>Nn(i.token,"Token copied")}><${Ut} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>a(null)}>I have stored it</button>
      </div>`}
    ${n&&l`<${Ci} onDone=${d=>{o(!1),d&&a(d),r()}} />`}
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
                <td class="muted" title=${Le(d.created_at)}>${O(d.created_at)} by ${d.created_by?.name}</td>
                <td class="muted">${d.last_used_at?O(d.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${d.expires_at?Le(d.expires_at):""}>${d.expires_at?new Date(d.expires_at)<=new Date?l`<span class="tag tag-muted">expired</span>`:O(d.expires_at):"never"}</td>
                <td class="right">${d.revoked_at?l`<span class="tag tag-muted">revoked</span>`:l`<button type="button" class="button small danger-ghost" onClick=${()=>s(d)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:l`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function Ci({onDone:e}){let t=(q.value?.scopes||[]).filter(c=>!c.startsWith("workspaces:")),[n,o]=v(""),[i,a]=v(!0),[r,s]=v([]),[d,u]=v(""),[p,h]=v(null);async function f(c){c.preventDefault();let m={name:n,scopes:i?["all"]:r};d&&(m.expires_at=new Date(`${d}T00:00:00`).toISOString());try{let g=await b.createToken(m);e(g)}catch(g){h(g)}}return l`
    <form class="card form-grid" onSubmit=${f} aria-label="New API token">
      <${de} error=${p} />
      <label class="field"><span>Name</span><input required value=${n} onInput=${c=>o(c.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${i} onChange=${c=>a(c.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!i&&l`<div class="scope-grid">${t.map(c=>l`
          <label class="check"><input type="checkbox" checked=${r.includes(c)}
            onChange=${m=>s(m.currentTarget.checked?[...r,c]:r.filter(g=>g!==c))} /> <code>${c}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${d} min=${Si()} onInput=${c=>u(c.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!i&&!r.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function Si(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function va(){let[e,t]=v(null),[n,o]=v(""),[i,a]=v(!1);async function r(d){a(!0);try{let u=await b.audit(d);t(p=>d?[...p||[],...u.items]:u.items),o(u.next_cursor||"")}catch(u){E(u,"Could not load the audit log"),t(p=>p||[])}finally{a(!1)}}C(()=>{r("")},[]);let s=d=>Object.entries(d||{}).map(([u,p])=>`${u}: ${typeof p=="object"?JSON.stringify(p):p}`).join(", ");return l`
    <${xe} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?l`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?l`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(d=>l`
              <tr key=${d.id}>
                <td class="muted nowrap" title=${Le(d.created_at)}>${O(d.created_at)}</td>
                <td><span class="tag tag-muted">${d.actor.type}</span> ${d.actor.name}</td>
                <td><code class="action">${d.action}</code></td>
                <td class="muted small details">${s(d.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${n&&l`<div class="center"><button type="button" class="button" disabled=${i} onClick=${()=>r(n)}>Load more</button></div>`}`:l`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}var Ti={agents:da,inboxes:ga,tokens:ha,audit:va};function ba({page:e}){let t=Ti[e],n=se.value==="admin"||e==="audit"&&se.value==="supervisor";return l`
    <main class="pane-admin" id="main" tabindex="-1">
      ${t?n?l`<${t} />`:l`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:l`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function xe({title:e,sub:t,children:n}){return l`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&l`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${n}</div>
    </header>`}function de({error:e}){return e?l`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&l`<ul>${e.fields.map(t=>l`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}function Mn(){return l`
    <div class="toasts" role="status" aria-live="polite">
      ${Ve.value.map(e=>l`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>kn(e.id)}><${Rt} size=${16} /></button>
        </div>`)}
    </div>`}var _e=y(!1),Ai=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["1 – 4","Queue, Mine, All open, Resolved"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],Ft=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function xa(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function _a(e){let t=ze.value;if(t.section!=="inbox")return;let n=Me.value[t.list]||[];if(!n.length)return;let o=n.findIndex(i=>i.id===t.conversation);o=o<0?e>0?0:n.length-1:Math.min(n.length-1,Math.max(0,o+e)),J(X(t.list,n[o].id))}function ya(){C(()=>{let e=t=>{if(!q.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&xa(document.activeElement)){document.activeElement.blur();return}if(xa(t.target)||_e.value)return;let n={1:"queue",2:"mine",3:"open",4:"resolved"};switch(t.key){case"j":_a(1);break;case"k":_a(-1);break;case"r":Ft("reply");break;case"n":Ft("note");break;case"t":Ft("take");break;case"e":Ft("resolve");break;case"?":_e.value=!0;break;default:if(n[t.key]){J(X(n[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function wa(){let e=V(null);return C(()=>{let t=e.current;t&&(_e.value&&!t.open&&t.showModal(),!_e.value&&t.open&&t.close())},[_e.value]),l`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{_e.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${Ai.map(([t,n])=>l`<tr><td><kbd>${t}</kbd></td><td>${n}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var Ei=[["online","Online"],["away","Away"],["offline","Offline"]],qe=y(""),$a="parley.console.presence";function ka(){Sa(localStorage.getItem($a)||"online",!0)}async function Ca(){try{await b.presence("offline")}catch{}qe.value=""}async function Sa(e,t){let n=qe.value;qe.value=e,t||localStorage.setItem($a,e);try{let o=await b.presence(e);o?.status?qe.value=o.status:o?.presence&&(qe.value=o.presence)}catch(o){qe.value=n,t||E(o,"Could not change your status")}}function Ta({onLogout:e}){let t=q.value?.agent||{},n=qe.value||t.presence||"offline";return l`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${te} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+n} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence">
        <legend class="sr-only">Your status</legend>
        ${Ei.map(([o,i])=>l`
          <label class=${"presence-option"+(n===o?" checked":"")}>
            <input type="radio" name="presence" value=${o} checked=${n===o}
              onChange=${()=>Sa(o)} />
            <span class=${"presence-dot p-"+o} aria-hidden="true"></span>${i}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${ge.value!=="granted"&&ge.value!=="unsupported"?l`
          <button type="button" class="button ghost small" onClick=${async()=>{await Eo(),ge.value==="granted"?S("Notifications are on.","success"):ge.value==="denied"&&S("Notifications are blocked in your browser settings.","error")}}><${Ko} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${rt.value} onChange=${o=>No(o.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{_e.value=!0}} aria-keyshortcuts="?">
            <${Xo} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${Go} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var Ni={queue:zt,mine:Lt,open:Ge,resolved:qt};function Aa(){if(C(()=>{Tn()},[]),C(()=>{q.value&&(Lo(),ka())},[q.value?.agent?.id]),ya(),!$n.value)return l`<div class="splash" role="status" aria-live="polite"><${dt} /><span class="sr-only">Loading…</span></div>`;if(!q.value)return l`<${Zo} onLoggedIn=${async()=>{await Tn(),!ze.value.list&&ze.value.section!=="admin"&&J(X("queue"),{replace:!0})}} /><${Mn} />`;let e=ze.value;return l`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${Mi} />
      ${e.section==="admin"?l`<${ba} page=${e.page} />`:l`<${ca} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${wa} />
    <${Mn} />`}function Mi(){let e=ze.value,t=Me.value,n={queue:t.queue.length,mine:t.mine.length,open:t.open.length,resolved:null},o=t.mine.reduce((s,d)=>s+(U.value[d.id]||0),0),i=se.value==="admin",a=i||se.value==="supervisor",r=(s,d,u,p,h)=>l`
    <li><a href=${s} class=${"nav-link"+(p?" active":"")} aria-current=${p?"page":void 0}
      onClick=${f=>{!f.metaKey&&!f.ctrlKey&&(f.preventDefault(),J(s))}}>
      <${u} /><span class="nav-label">${d}</span>${h}</a></li>`;return l`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${dt} /><span>Parley</span></div>
      <${Pi} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","resolved"].map(s=>r(X(s),pt[s],Ni[s],e.section==="inbox"&&e.list===s,l`${s==="mine"&&o>0?l`<span class="badge badge-accent" aria-label=${o+" unread"}>${o}</span>`:n[s]?l`<span class="count" aria-label=${n[s]+" conversations"}>${n[s]}</span>`:null}`))}
      </ul>
      ${a&&l`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${i&&r(`${Ie}/admin/agents`,"Agents",jo,e.section==="admin"&&e.page==="agents")}
          ${i&&r(`${Ie}/admin/inboxes`,"Inboxes",Fo,e.section==="admin"&&e.page==="inboxes")}
          ${i&&r(`${Ie}/admin/tokens`,"API tokens",Ho,e.section==="admin"&&e.page==="tokens")}
          ${r(`${Ie}/admin/audit`,"Audit log",Wo,e.section==="admin"&&e.page==="audit")}
        </ul>`}
      <div class="nav-foot">
        <${Ta} onLogout=${async()=>{await Ca();try{await _o()}catch(s){E(s)}Nt(),S("You are signed out.","info")}} />
      </div>
    </nav>`}function Pi(){let e=Ae.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return l`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&l`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${ko}><${Qo} size=${14} /></button>`}
    </div>`}bo(()=>{q.value&&(Nt(),S("Your session has ended. Please sign in again.","error"))});en(l`<${Aa} />`,document.getElementById("app"));

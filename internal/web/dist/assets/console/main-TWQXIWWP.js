var w,Mn,Vt,de,Wt,ht,Nn,ft,Pn,Kt,Bt,_a,Xe=Symbol.for("pv"),gt={},vt=[],xa=/^m(i|n|o|s|text|space)$/,Gt=Array.isArray,Jt=vt.slice,ye=Object.assign;function xe(e){e&&e.parentNode&&e.remove()}function Qe(e,t,n){var o,i,a,s={},r=arguments.length;for(a in t)a=="key"?o=t[a]:a=="ref"&&typeof e!="function"?i=t[a]:s[a]=t[a];return r>2&&(s.children=r>3?Jt.call(arguments,2):n),Ye(e,s,o,i,null)}function Ye(e,t,n,o,i){var a={type:e,props:t,key:n,ref:o,__k:null,__:null,__b:0,__e:null,__c:null,constructor:Xe,__v:i||++Mn,__i:-1,__u:0};return!i&&w.vnode&&w.vnode(a),a}function we(e){return e.children}function $e(e,t){this.props=e,this.context=t,this.__g=0}function pe(e,t){if(t==null)return e.__&&pe(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:pe(e)}function ya(e){var t,n=e.__v,o=n.__e,i=[],a=[],s=e.__P;s&&((t=ye({constructor:Xe},n)).__v=n.__v+1,w.vnode&&w.vnode(t),Yt(s,t,n,e.__n,s.namespaceURI,32&n.__u?[o]:null,i,o||pe(n),32&n.__u,a),t.__v=n.__v,t.__.__k[t.__i]=t,Rn(i,t,a),n.__=n.__e=null,t.__e!=o&&zn(t))}function zn(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),zn(e)}function Tn(e){(8&e.__g||(e.__g|=8,de.push(e),ht++))&&Wt==w.debounceRendering||((Wt=w.debounceRendering)||queueMicrotask)(In)}function In(){try{for(var e,t=1;de.length;)de.length>t&&de.sort(Nn),e=de.shift(),t=de.length,8&e.__g&&ya(e)}finally{(ht=de.length)&&(Wt||queueMicrotask)(In)}}function qn(e,t,n,o,i,a,s,r,c,u,d){var m,f,p,h,g,_,k=o.__k||vt,x=t.length;for(c=$a(n,t,k,c,x),m=0;m<x;m++)(p=n.__k[m])!=null&&(f=~p.__i&&k[p.__i]||gt,p.__i=m,_=Yt(e,p,f,i,a,s,r,c,u,d),h=p.__e,(f.ref!=p.ref||8&f.__u)&&(f.ref&&Xt(f.ref,null,p,f),p.ref&&d.push(p.ref,p.__c||h,p)),g=g||h,4&p.__u?(c=Ln(p,c,e,!f.__v),f.__e&&(f.__e=null)):typeof p.type=="function"&&_!==void 0?c=_:h&&(c=h.nextSibling),p.__u&=-21);return n.__e=g,c}function $a(e,t,n,o,i){var a,s,r,c,u,d,m,f,p,h=n.length,g=h,_=0,k=0,x=e.__k=Array(i);for(a=0;a<i;a++)(s=t[a])!=null&&typeof s!="boolean"&&typeof s!="function"?(typeof s!="object"||s.constructor===String?s=x[a]=Ye(null,s):Gt(s)?s=x[a]=Ye(we,{children:s}):s.constructor===Xe&&s.__b?s=x[a]=Ye(s.type,s.props,s.key,s.ref,s.__v):x[a]=s,c=a+_,s.__=e,s.__b=e.__b+1,r=null,~(u=s.__i=wa(s,n,c,g))&&(g--,(r=n[u])&&(r.__u|=2)),r&&r.__v?(s.__u|=16,u==c-1?_--:u==c+1?_++:u!=c&&(u>c?_--:_++,k=1)):(~u||(i>h?_--:i<h&&_++),typeof s.type!="function"&&(s.__u|=4))):x[a]=null;if(k){for(d=[],m=[],a=0;a<i;a++)if((s=x[a])&&16&s.__u){for(_=0,f=d.length;_<f;)d[p=_+f>>1]<s.__i?_=p+1:f=p;d[_]=s.__i,m[a]=_+1}for(_=d.length;a--;)m[a]&&(m[a]==_?_--:x[a].__u|=4)}if(g)for(a=0;a<h;a++)!(r=n[a])||2&r.__u||(r.__e==o&&(o=pe(r)),Qt(r,r));return o}function Ln(e,t,n,o){var i,a,s,r;if(typeof e.type=="function"){if(e.props.__P)return t;if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&(i[a].__=e,t=Ln(i[a],t,n,!1));return t}for(t&&!t.parentNode&&(t=pe(e))&&!t.parentNode&&(t=null),s=e.__e,r=t;r&&r.nodeType==8;)r=r.nextSibling;for(s!=r&&(!o&&n.moveBefore&&s.parentNode?n.moveBefore(s,t):n.insertBefore(s,t||null)),t=s;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function wa(e,t,n,o){var i,a=e.key,s=e.type,r=t[n],c=r&&!(2&r.__u);if(r===null&&a==null||c&&a==r.key&&s==r.type)return n;if(o>(c?1:0)){for(i=n-1;i>=0;i--)if((r=t[i])&&!(2&r.__u)&&a==r.key&&s==r.type)return i;for(i=n+1;i<t.length;i++)if((r=t[i])&&!(2&r.__u)&&a==r.key&&s==r.type)return i}return-1}function En(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function ut(e,t,n,o,i){var a,s;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof o=="string"&&(e.style.cssText=o=""),o)for(t in o)n&&t in n||En(e.style,t);if(n)for(t in n)o&&n[t]==o[t]||En(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof o!="function"&&(o=null),(e.__e||(e.__e={}))[t]=n,n&&o||(s=Bt[t]||(Bt[t]=ka(t)),(e.__a||(e.__a={}))[t]=Kt,a=t!=(t=t.replace(Pn,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,s,a):e.removeEventListener(t,s,a));else{if(i=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function ka(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[ft]==null)t[ft]=Kt++;else if(t[ft]<this.__a[e])return;return n(w.event?w.event(t):t)}}}function Yt(e,t,n,o,i,a,s,r,c,u){var d,m,f,p,h,g,_,k,x,N,S,$,P,j,ee,An,ce,_e,te=t.type;if(t.constructor!==Xe)return null;128&n.__u&&(c=32&n.__u,d=n.__c.__z)&&(t.__u|=c,m=a=[],d.nodeType==8?r=mt(d,a):a.push(d),r=a[0]||r),(d=w.__b)&&d(t);e:if(typeof te=="function"){f=s.length;try{if(k=t.props,x=(d=te.prototype)&&d.render,N=(d=te.contextType)&&o[d.__c],S=d?N?N.props.value:d.__:o,(p=n.__c)?(t.__c=p,2&p.__g&&(p.__g|=1)):(x?t.__c=p=new te(k,S):(t.__c=p=new $e(k,S),p.constructor=te,p.render=Sa),N&&N.sub(p),p.state||(p.state={}),p.__n=o,p.__g|=8,p.__h=[],p.__k=[]),x&&(p.__s||(p.__s=p.state),te.getDerivedStateFromProps&&(p.__s==p.state&&(p.__s=ye({},p.__s)),ye(p.__s,te.getDerivedStateFromProps(k,p.__s)))),h=p.props,g=p.state,p.__v=t,n.__c){if(k!==h&&x&&!te.getDerivedStateFromProps&&p.componentWillReceiveProps&&p.componentWillReceiveProps(k,S),t.__v==n.__v&&!(8&p.__g)||!(4&p.__g)&&p.shouldComponentUpdate&&p.shouldComponentUpdate(k,p.__s,S)===!1){t.__v!=n.__v&&(p.props=k,p.state=p.__s,p.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(H){H&&(H.__=t)}),vt.push.apply(p.__h,p.__k),p.__k=[],p.__h.length&&s.push(p),r=pe(n);break e}p.componentWillUpdate&&p.componentWillUpdate(k,p.__s,S),x&&p.componentDidUpdate&&p.__h.push(function(){p.componentDidUpdate(h,g,_)})}else x&&!te.getDerivedStateFromProps&&p.componentWillMount&&p.componentWillMount(),x&&p.componentDidMount&&p.__h.push(p.componentDidMount);p.context=S,p.props=k,p.__P=e,p.__g&=-5,$=w.__r,P=x?25:0;do p.__g&=-9,$&&$(t),d=p.render(p.props,p.state=p.__s,p.context);while(8&p.__g&&++P<25);x&&(vt.push.apply(p.__h,p.__k),p.__k=[]),p.state=p.__s,p.getChildContext&&(o=ye({},o,p.getChildContext())),x&&n.__c&&p.getSnapshotBeforeUpdate&&(_=p.getSnapshotBeforeUpdate(h,g)),j=d&&d.type===we&&d.key==null?d.props.children:d,k.__P&&(d=r,i=(e=k.__P).namespaceURI,c=a=null,n.props&&n.props.__P!=e&&(n.__k.some(function(H){H&&Qt(H,H)}),n.__k=null),r=n.__k?pe(n,0):null),r=qn(e,Gt(j)?j:[j],t,n,o,i,a,s,r,c,u),k.__P&&(t.__e=null,r=d),t.__u&=-161,m&&m.some(xe),p.__h.length&&s.push(p),1&p.__g&&(p.__g&=-4)}catch(H){if(s.length=f,t.__v=null,c||a)if(H&&H.then){if(t.__u|=128|c,a){for(~(ce=a.indexOf(r||void 0))||(ce=a.length);(_e=a[ce-1])&&_e.nodeType==8;)ce--;for(;ce<a.length;ce++)if(_e=a[ce])if(a[ce]=null,ee){if(_e==An)break}else{if(_e.nodeType!=8)break;_e.data.startsWith("$s")&&(An=mt(ee=_e))}}if(!ee){for(;r&&r.nodeType==8&&r.nextSibling;)r=r.nextSibling;ee=r}(d=mt(ee=t.__c.__z||(t.__c.__z=ee)))?(t.__e=ee,r=d):t.__e=r,r=r&&r.nextSibling}else a&&a.some(xe);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),H&&H.then||Dn(t),w.__e(H,t,n)}}else r=t.__e=Ca(n.__e,t,n,o,i,a,s,c,u,e);return(d=w.diffed)&&d(t),r}function mt(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Dn(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Dn))}function Rn(e,t,n){for(var o=0;o<n.length;)Xt(n[o++],n[o++],n[o++]);w.__c&&w.__c(t,e),e.some(function(i){try{e=i.__h,i.__h=[],e.some(function(a){a.call(i)})}catch(a){w.__e(a,i.__v)}})}function Ca(e,t,n,o,i,a,s,r,c,u){var d,m,f,p,h,g,_,k,x=n.props||gt,N=t.props,S=t.type;if(S=="svg"?i="http://www.w3.org/2000/svg":S=="math"?i="http://www.w3.org/1998/Math/MathML":i||(i="http://www.w3.org/1999/xhtml"),a){for(d=0;d<a.length;d++)if((h=a[d])&&(S?h.localName==S:h.nodeType==3)){e=h,a[d]=null;break}}if(!e){if(k=u.ownerDocument||document,!S)return k.createTextNode(N);e=k.createElementNS(i,S,N.is?N:u),r&&(w.__m&&w.__m(t,a),r=!1),a=null}if(S){if(u=S=="template"&&e.content||e,a=S=="textarea"&&N.defaultValue!=null?null:a&&Jt.call(u.childNodes),!r&&a)for(x={},d=0;d<e.attributes.length;d++)x[(h=e.attributes[d]).name]=h.value;for(d in x)h=x[d],d=="dangerouslySetInnerHTML"?f=h:d=="children"||d in N||d=="value"&&"defaultValue"in N||d=="checked"&&"defaultChecked"in N||ut(e,d,null,h,i);for(d in N)h=N[d],d=="children"?p=h:d=="dangerouslySetInnerHTML"?m=h:d=="value"?g=h:d=="checked"?_=h:r&&typeof h!="function"||x[d]===h||ut(e,d,h,x[d],i);m?(r||f&&(m.__html==f.__html||m.__html==e.innerHTML)||(e.innerHTML=m.__html),t.__k=[]):(f&&(e.textContent=""),(S=="foreignObject"||i=="http://www.w3.org/1998/Math/MathML"&&xa.test(S))&&(i="http://www.w3.org/1999/xhtml"),qn(u,Gt(p)?p:[p],t,n,o,i,a,s,a?a[0]:n.__k&&pe(n,0),r,c),a&&a.some(xe)),r&&S!="textarea"||(d="value",S=="progress"&&g==null?e.removeAttribute(d):g==null||g===e[d]&&(S!="progress"||g)||ut(e,d,g,x[d],i),d="checked",_!=null&&_!=e[d]&&ut(e,d,_,x[d],i))}else x===N||r&&e.data==N||(e.data=N);return e}function Xt(e,t,n,o){try{typeof e=="function"?t?t.__x=e(t)||1:o&&(o=o.__c||o.__e)&&(t=o.__x)&&(o.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(i){w.__e(i,n)}}function Qt(e,t,n){var o,i,a,s;if(w.unmount&&w.unmount(e),!(o=e.ref)||o.current&&o.current!=e.__e||Xt(o,null,t,e),o=e.__c){if(o.componentWillUnmount)try{o.componentWillUnmount()}catch(r){w.__e(r,t)}o.__P=o.__n=null}if(o=e.__k)for(s=0;s<o.length;s++)o[s]&&Qt(o[s],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(o=e.__c)&&(o=o.__z)&&(i=mt(o,a=[]))&&(o==e.__e&&a.some(xe),xe(i),xe(o)),n||xe(e.__e),e.__e=e.__c=e.__=null}function Sa(e,t,n){return this.constructor(e,n)}function Zt(e,t){var n,o,i,a;w.__&&w.__(e,t),t.nodeType==9&&(t=t.documentElement),o=(n=e&&32&e.__u)?null:t.__k,t.__k=Ye(we,{children:[e]}),i=[],a=[],Yt(t,t.__k,o||gt,gt,t.namespaceURI,o?null:t.firstChild?Jt.call(t.childNodes):null,i,o?o.__e:t.firstChild,n,a),Rn(i,t.__k,a),t.__k.props.children=null}w={__e:function(e,t,n,o){for(var i,a,s;t=t.__;)if((i=t.__c)&&!(1&i.__g)){i.__g|=4;try{if((s=(a=i.constructor)&&a.getDerivedStateFromError)&&i.setState(a.getDerivedStateFromError(e)),i.componentDidCatch&&(i.componentDidCatch(e,o||{}),s=1),s&&8&i.__g)return void(i.__g|=2)}catch(r){e=r}}throw ht=0,e}},Mn=0,Vt=function(e){return e!=null&&e.constructor===Xe},$e.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=ye({},this.state)),typeof e=="function"&&(e=e(ye({},n),this.props)),e&&(ye(n,e),this.__v&&(t&&this.__k.push(t),Tn(this)))},$e.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),Tn(this))},$e.prototype.render=we,de=[],ht=0,Nn=function(e,t){return e.__v.__b-t.__v.__b},ft=Symbol(),Pn=/(PointerCapture)$|Capture$/i,Kt=0,Bt={},_a=0;var On=function(e,t,n,o){var i;t[0]=0;for(var a=1;a<t.length;a++){var s=t[a++],r=t[a]?(t[0]|=s?1:2,n[t[a++]]):t[++a];s===3?o[0]=r:s===4?o[1]=Object.assign(o[1]||{},r):s===5?(o[1]=o[1]||{})[t[++a]]=r:s===6?o[1][t[++a]]+=r+"":s?(i=e.apply(r,On(e,r,n,["",null])),o.push(i),r[0]?t[0]|=2:(t[a-2]=0,t[a]=i)):o.push(r)}return o},Un=new Map;function jn(e){var t=Un.get(this);return t||(t=new Map,Un.set(this,t)),(t=On(this,t.get(e)||(t.set(e,t=(function(n){for(var o,i,a=1,s="",r="",c=[0],u=function(f){a===1&&(f||(s=s.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?c.push(0,f,s):a===3&&(f||s)?(c.push(3,f,s),a=2):a===2&&s==="..."&&f?c.push(4,f,0):a===2&&s&&!f?c.push(5,0,!0,s):a>=5&&((s||!f&&a===5)&&(c.push(a,0,s,i),a=6),f&&(c.push(a,f,0,i),a=6)),s=""},d=0;d<n.length;d++){d&&(a===1&&u(),u(d));for(var m=0;m<n[d].length;m++)o=n[d][m],a===1?o==="<"?(u(),c=[c],a=3):s+=o:a===4?s==="--"&&o===">"?(a=1,s=""):s=o+s[0]:r?o===r?r="":s+=o:o==='"'||o==="'"?r=o:o===">"?(u(),a=1):a&&(o==="="?(a=5,i=s,s=""):o==="/"&&(a<5||n[d][m+1]===">")?(u(),a===3&&(c=c[0]),a=c,(c=c[0]).push(2,0,a),a=0):o===" "||o==="	"||o===`
`||o==="\r"?(u(),a=2):s+=o),a===3&&s==="!--"&&(a=4,c=c[0])}return u(),c})(e)),t),arguments,[])).length>1?t:t[0]}var l=jn.bind(Qe);var qe,z,en,Hn,tn=Object.is,bt=0,Xn=[],nn=[],M=w,Fn=M.__b,Wn=M.__r,Bn=M.diffed,Vn=M.__c,Kn=M.unmount,Gn=M.__;function _t(e,t){M.__h&&M.__h(z,e,bt||t),bt=0;var n=z.__H||(z.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function v(e){return bt=1,Aa(Zn,e)}function Aa(e,t,n){var o=_t(qe++,2);if(o.t=e,!o.__c&&(o.__=[n?n(t):Zn(void 0,t),function(a){var s=(o.__N||o.__)[0],r=o.t(s,a);tn(s,r)||(o.__N=[r,o.__[1]],o.__c.setState({}))}],o.__c=z,!z.__f)){z.__f=!0;var i=z.shouldComponentUpdate;z.shouldComponentUpdate=function(a,s,r){var c=this.__H;if(!c)return!0;var u=!1,d=this.props!=a;if(c.__.some(function(f){f.__N&&(u=!0,tn(f.__[0],f.__N[0])||(d=!0))}),i){var m=i.call(this,a,s,r);return u?m||d:m}return!u||d}}return o.__}function C(e,t){var n=_t(qe++,3);!M.__s&&an(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,z.__H.__h.push(n))}function Qn(e,t){var n=_t(qe++,4);!M.__s&&an(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,z.__h.push(n))}function V(e){return bt=5,xt(function(){return{current:e}},[])}function xt(e,t){var n=_t(qe++,7);return an(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function Ta(){var e;do{for(;e=nn.shift();)try{Ze(e)}catch(n){M.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=Xn.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Ze),t.__h.some(on),t.__h=[]}catch(n){t.__h=[],M.__e(n,e.__v)}}}while(nn.length)}M.__b=function(e){z=null,Fn&&Fn(e)},M.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Gn&&Gn(e,t)},M.__r=function(e){Wn&&Wn(e),qe=0;var t=(z=e.__c).__H;t&&(en==z?z.__h=[]:(t.__h.some(Ze),t.__h.some(on),qe=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),en=z},M.diffed=function(e){Bn&&Bn(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&Yn(Xn.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),en=z=null},M.__c=function(e,t){t.some(function(n){try{n.__h.some(Ze),n.__h=n.__h.filter(function(o){return!o.__||on(o)})}catch(o){n.__h=[function(){throw o}]}}),Vn&&Vn(e,t)},M.unmount=function(e){Kn&&Kn(e);var t,n,o=e.__c;o&&o.__H&&(o.__H.__.some(function(i){try{if(i.__P&&i.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}i.__P=n,Yn(nn.push(i))}else Ze(i)}catch(a){t=a}}),o.__H=void 0,t&&M.__e(t,o.__v))};var Jn=typeof requestAnimationFrame=="function";function Ea(e){var t,n=function(){clearTimeout(o),Jn&&cancelAnimationFrame(t),setTimeout(e)},o=setTimeout(n,35);Jn&&(t=requestAnimationFrame(n))}function Yn(e){e!=1&&Hn==M.requestAnimationFrame||((Hn=M.requestAnimationFrame)||Ea)(Ta)}function Ze(e){var t=z,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),z=t}function on(e){var t=z;e.__c=e.__(),z=t}function an(e,t){return!e||e.length!=t.length||t.some(function(n,o){return!tn(n,e[o])})}function Zn(e,t){return typeof t=="function"?t(e):t}var Ma=Symbol.for("preact-signals");function kt(){if(ne>1)ne--;else{var e,t=!1;for((function(){var i=$t;for($t=void 0;i!==void 0;){var a=i.S;if(a.v===i.v)for(var s=a.t;s!==void 0;s=s.x)s.i===i.i&&(s.i=a.i);i=i.o}})();tt!==void 0;){var n=tt;for(tt=void 0,yt++;n!==void 0;){var o=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&to(n))try{n.c()}catch(i){t||(e=i,t=!0)}n=o}}if(yt=0,ne--,t)throw e}}function ue(e){if(ne>0)return e();sn=++Na,ne++;try{return e()}finally{kt()}}var et,A=void 0;function nt(e){var t=A,n=et;A=void 0,et=void 0;try{return e()}finally{A=t,et=n}}var tt=void 0,ne=0,yt=0,Na=0,sn=0,$t=void 0,wt=0;function eo(e){if(A!==void 0){var t=e.n;if(t===void 0||t.t!==A)return t={i:0,S:e,p:A.s,n:void 0,t:A,e:void 0,x:void 0,r:t},A.s!==void 0&&(A.s.n=t),A.s=t,e.n=t,32&A.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=A.s,t.n=void 0,A.s.n=t,A.s=t),t}}function I(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}I.prototype.brand=Ma;I.prototype.h=function(){return!0};I.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n!==void 0?n.e=e:nt(function(){var o;(o=t.W)==null||o.call(t)}))};I.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,o=e.x;n!==void 0&&(n.x=o,e.e=void 0),o!==void 0&&(o.e=n,e.x=void 0),e===this.t&&(this.t=o,o===void 0&&nt(function(){var i;(i=t.Z)==null||i.call(t)}))}};I.prototype.subscribe=function(e){var t=this;return Ce(function(){var n=t.value;nt(function(){return e(n)})},{name:"sub"})};I.prototype.valueOf=function(){return this.value};I.prototype.toString=function(){return this.value+""};I.prototype.toJSON=function(){return this.value};I.prototype.peek=function(){var e=this;return nt(function(){return e.value})};Object.defineProperty(I.prototype,"value",{get:function(){var e=eo(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(yt>100)throw new Error("Cycle detected");(function(n){ne!==0&&yt===0&&n.l!==sn&&(n.l=sn,$t={S:n,v:n.v,i:n.i,o:$t})})(this),this.v=e,this.i++,wt++,ne++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{kt()}}}});function y(e,t){return new I(e,t)}function to(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function no(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function oo(e){for(var t=e.s,n=void 0;t!==void 0;){var o=t.p;t.i===-1?(t.S.U(t),o!==void 0&&(o.n=t.n),t.n!==void 0&&(t.n.p=o)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=o}e.s=n}function ke(e,t){I.call(this,void 0,t),this.x=e,this.s=void 0,this.g=wt-1,this.f=4}ke.prototype=new I;ke.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===wt))return!0;if(this.g=wt,this.f|=1,this.i>0&&!to(this))return this.f&=-2,!0;var e=A;try{no(this),A=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(n){this.v=n,this.f|=16,this.i++}return A=e,oo(this),this.f&=-2,!0};ke.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}I.prototype.S.call(this,e)};ke.prototype.U=function(e){if(this.t!==void 0&&(I.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};ke.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(ke.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=eo(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function F(e,t){return new ke(e,t)}function ao(e){var t=e.j;if(e.j=void 0,typeof t=="function"){ne++;var n=A;A=void 0;try{t()}catch(o){throw e.f&=-2,e.f|=8,rn(e),o}finally{A=n,kt()}}}function rn(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,ao(e)}function Pa(e){if(A!==this)throw new Error("Out-of-order effect");oo(this),A=e,this.f&=-2;try{8&this.f&&rn(this)}finally{kt()}}function Le(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,et&&et.push(this)}Le.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};Le.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,ao(this),no(this),ne++;var e=A;return A=this,Pa.bind(this,e)};Le.prototype.N=function(){2&this.f||(this.f|=2,this.u=tt,tt=this)};Le.prototype.d=function(){this.f|=8,1&this.f||rn(this)};Le.prototype.dispose=function(){this.d()};function Ce(e,t){var n=new Le(e,t);try{n.c()}catch(i){throw n.d(),i}var o=n.d.bind(n);return o[Symbol.dispose]=o,o}var io,St,Ct,za=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var so=[];Ce(function(){io=this.N})();function De(e,t){w[e]=t.bind(null,w[e]||function(){})}function ot(e){if(Ct){var t=Ct;Ct=void 0,t()}Ct=e&&e.S()}function ro(e){var t=this,n=e.data,o=qa(n);o.name="ReactiveDom",o.value=n;var i=xt(function(){for(var r=t,c=t.__v;c=c.__;)if(c.__c){c.__c.__$f|=4;break}var u=F(function(){var p=o.value.value;return p===0?0:p===!0?"":p||""}),d=F(function(){return!Array.isArray(u.value)&&!Vt(u.value)}),m=Ce(function(){if(this.N=lo,d.value){var p=u.value;r.__v&&r.__v.__e&&r.__v.__e.nodeType===3&&(r.__v.__e.data=p)}}),f=t.__$u.d;return t.__$u.d=function(){m(),f.call(this)},[d,u]},[]),a=i[0],s=i[1];return a.value?s.peek():s.value}ro.displayName="ReactiveTextNode";Object.defineProperties(I.prototype,{constructor:{configurable:!0,value:Qe(we,null).constructor},type:{configurable:!0,value:ro},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});De("__b",function(e,t){if(ot(),St=void 0,typeof t.type=="string"){var n,o=t.props;for(var i in o)if(i!=="children"){var a=o[i];a instanceof I&&(n||(t.__np=n={}),n[i]=a,o[i]=a.peek())}}e(t)});De("__r",function(e,t){if(e(t),t.type!==we){ot();var n,o=t.__c;o&&(o.__$f&=-2,(n=o.__$u)===void 0&&(o.__$u=n=(function(i,a){var s;return Ce(function(){s=this},{name:a}),s.c=i,s})((function(i){return function(){var a;za&&((a=this.y)==null||a.call(this)),i.__$f|=1,i.setState({})}})(o),typeof t.type=="function"?t.type.displayName||t.type.name:""))),St=o,ot(n)}});De("__e",function(e,t,n,o){ot(),St=void 0,e(t,n,o)});De("diffed",function(e,t){ot(),St=void 0;var n;if(typeof t.type=="string"&&(n=t.__e)){var o=t.__np,i=t.props,a=n.U;if(a)for(var s in a){var r=a[s];r===void 0||o&&s in o||(r.d(),a[s]=void 0)}if(o){a||(a={},n.U=a);for(var c in o){var u=a[c],d=o[c];u===void 0?(u=Ia(n,c,d,i),a[c]=u):u.o(d,i)}}}e(t)});function Ia(e,t,n,o){var i=t in e&&e.ownerSVGElement===void 0,a=y(n);return{o:function(s,r){a.value=s,o=r},d:Ce(function(){this.N=lo;var s=a.value.value;o[t]!==s&&(o[t]=s,i?e[t]=s:s!=null&&(s!==!1||t[4]==="-")?e.setAttribute(t,s):e.removeAttribute(t))})}}De("unmount",function(e,t){if(typeof t.type=="string"){var n=t.__e;if(n){var o=n.U;if(o){n.U=void 0;for(var i in o){var a=o[i];a&&a.d()}}}var s=t.__np;if(s){var r=t.props;for(var c in s)r[c]=s[c]}t.__np=void 0}else{var u=t.__c;if(u){u.__$f|=8;var d=u.__$u;d&&(u.__$u=void 0,d.d())}}e(t)});De("__h",function(e,t,n,o){o<3&&(t.__$f|=2),e(t,n,o)});$e.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,o=n&&n.s!==void 0;for(var i in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var a=2&this.__$f;if(!(o||a||4&this.__$f)||1&this.__$f)return!0}else if(!(o||4&this.__$f)||3&this.__$f)return!0;for(var s in e)if(s!=="__source"&&e[s]!==this.props[s])return!0;for(var r in this.props)if(!(r in e))return!0;return!1};function qa(e,t){return xt(function(){return y(e,t)},[])}var La=function(e){queueMicrotask(function(){queueMicrotask(e)})};function Da(){ue(function(){for(var e;e=so.shift();)io.call(e)})}function lo(){so.push(this)===1&&(w.requestAnimationFrame||La)(Da)}var po="parley_csrf",Ra="X-CSRF-Token",Re=uo(po);function uo(e){for(let t of document.cookie.split(";")){let[n,...o]=t.trim().split("=");if(n===e)return decodeURIComponent(o.join("="))}return""}var Ue=class extends Error{constructor(t,n){super(n?.detail||n?.title||`Request failed (${t})`),this.status=t,this.code=n?.code||"",this.reason=n?.reason||"",this.fields=n?.errors||[]}};async function Oe(e,t,{body:n,query:o,headers:i={},raw:a}={}){let s=t;if(o){let f=new URLSearchParams;for(let[h,g]of Object.entries(o))g==null||g===""||(Array.isArray(g)?g.forEach(_=>f.append(h,_)):f.set(h,String(g)));let p=f.toString();p&&(s+="?"+p)}let r={Accept:"application/json",...i};e!=="GET"&&e!=="HEAD"&&(Re||(Re=uo(po)),Re&&(r[Ra]=Re));let c;a!==void 0?c=a:n!==void 0&&(r["Content-Type"]="application/json",c=JSON.stringify(n));let u;try{u=await fetch(s,{method:e,headers:r,body:c,credentials:"same-origin"})}catch{throw new Ue(0,{detail:"The server cannot be reached. Check your connection."})}if(u.status===204)return null;let d=await u.text(),m=null;if(d)try{m=JSON.parse(d)}catch{m=null}if(!u.ok){let f=new Ue(u.status,m);throw u.status===401&&ln&&!t.endsWith("/auth/login")&&ln(f),f}return m}var ln=null;function fo(e){ln=e}var oe=(e,t)=>Oe("GET",e,{query:t}),B=(e,t,n)=>Oe("POST",e,{body:t,query:n}),co=(e,t)=>Oe("PATCH",e,{body:t}),Ua=(e,t)=>Oe("PUT",e,{body:t}),Oa=e=>Oe("DELETE",e);async function At(e,t={},n=1e3){let o=[],i="";do{let a=await oe(e,{...t,limit:200,cursor:i});o.push(...a.items||[]),i=a.next_cursor||""}while(i&&o.length<n);return o}async function mo(e,t,n){let o=await B("/api/v1/auth/login",{email:e,password:t,workspace:n||void 0});return Re=o.csrf_token,o}async function ho(){try{await B("/api/v1/auth/logout")}finally{Re=""}}var W=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,b={conversations:e=>At("/api/v1/conversations",e),conversation:e=>oe(W(e)),messages:(e,t)=>oe(W(e)+"/messages",t),send:(e,t)=>B(W(e)+"/messages",t),assign:(e,t)=>B(W(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,n)=>B(W(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:n}),unassign:(e,t)=>B(W(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>B(W(e)+"/resolve"),reopen:e=>B(W(e)+"/reopen"),markRead:(e,t)=>B(W(e)+"/read",{seq:t}),unread:e=>oe(W(e)+"/unread"),readStates:e=>oe(W(e)+"/read-states"),upload:(e,t)=>Oe("POST",W(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>oe(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>At("/api/v1/agents"),createAgent:e=>B("/api/v1/agents",e),updateAgent:(e,t)=>co(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>At("/api/v1/inboxes"),createInbox:e=>B("/api/v1/inboxes",e),updateInbox:(e,t)=>co(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>At("/api/v1/tokens"),createToken:e=>B("/api/v1/tokens",e),revokeToken:e=>Oa(`/api/v1/tokens/${encodeURIComponent(e)}`),audit:e=>oe("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>Ua("/api/v1/me/presence",{status:e})};var Se=y("connecting"),cn=new Set,ae=new Map,X=null,at=1e3,dn=0,ja=1,it=!0,je=new Map;function go(e){return cn.add(e),()=>cn.delete(e)}function vo(){it&&(it=!1,pn())}function bo(){it=!0,clearTimeout(dn),ae.clear(),X&&X.close(1e3),X=null}function pn(){Se.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);X=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=n=>{let o;try{o=JSON.parse(n.data)}catch{return}if(o.type==="ready"){Se.value="online",at=1e3,He({type:"subscribe_feed"}).catch(()=>{});for(let[i,a]of ae)He({type:"subscribe",conversation_id:i,after_seq:a}).catch(()=>{})}if(o.type==="message"&&o.message){let i=ae.get(o.conversation_id);i!==void 0&&o.message.seq>i&&ae.set(o.conversation_id,o.message.seq)}if(o.type==="subscribed"){let i=ae.get(o.conversation_id);i!==void 0&&ae.set(o.conversation_id,Math.max(i,o.last_seq))}if(o.id&&je.has(o.id)){let i=je.get(o.id);je.delete(o.id),o.type==="error"?i.reject(o):i.resolve(o)}for(let i of cn)try{i(o)}catch(a){console.error(a)}},t.onclose=n=>{if(X!==t)return;X=null;for(let i of je.values())i.reject({code:"unavailable",message:"disconnected"});if(je.clear(),it||(Se.value="offline",n.code===1008&&n.reason==="no session cookie"))return;let o=Math.min(at,3e4)*(.8+Math.random()*.4);at=Math.min(at*2,3e4),dn=setTimeout(pn,o)}}function _o(){it||X||(clearTimeout(dn),at=1e3,pn())}function He(e){return new Promise((t,n)=>{if(!X||X.readyState!==WebSocket.OPEN||Se.value!=="online"){n({code:"unavailable",message:"not connected"});return}let o="c"+ja++;je.set(o,{resolve:t,reject:n}),X.send(JSON.stringify({...e,id:o}))})}function un(e,t){let n=ae.get(e);n!==void 0&&n>=t||(ae.set(e,t),Se.value==="online"&&He({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var xo=e=>ae.has(e);function yo(e,t){He({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var wo="parley.console.sound",fe=y(typeof Notification>"u"?"unsupported":Notification.permission),st=y(localStorage.getItem(wo)!=="off"),K=null;async function ko(){if(fn(),!(typeof Notification>"u"))try{fe.value=await Notification.requestPermission()}catch{fe.value=Notification.permission}}function Co(e){st.value=e,localStorage.setItem(wo,e?"on":"off"),e&&fn()}function fn(){let e=window.AudioContext||window.webkitAudioContext;e&&(K||(K=new e),K.state==="suspended"&&K.resume().catch(()=>{}))}function So(e){e.isTrusted&&st.value&&K?.state!=="running"&&fn()}document.addEventListener("pointerdown",So,!0);document.addEventListener("keydown",So,!0);function Ha(){if(!st.value||!K||K.state!=="running")return;let e=K.currentTime;[[880,0],[1318.5,.12]].forEach(([t,n])=>{let o=K.createOscillator(),i=K.createGain();o.type="sine",o.frequency.value=t,i.gain.setValueAtTime(1e-4,e+n),i.gain.exponentialRampToValueAtTime(.18,e+n+.02),i.gain.exponentialRampToValueAtTime(1e-4,e+n+.35),o.connect(i).connect(K.destination),o.start(e+n),o.stop(e+n+.4)})}function mn(e,t,n){if(document.hidden&&(Ha(),fe.value==="granted"))try{let o=new Notification(e,{body:t.slice(0,140),tag:n,icon:void 0});o.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:n})),o.close()}}catch{}}var L=y(null),_n=y(!1),R=y({}),me=y({}),U=y({}),ie=y({}),ge=y([]),Be=y([]),q=y({}),Ae=y({}),Q=y({}),Fe=y({}),Tt=y(!0),lt=y(!1),We=y([]),he=y(""),G=F(()=>L.value?.agent?.id||""),se=F(()=>L.value?.agent?.role||""),Bi=F(()=>new Set(L.value?.scopes||[]));var hn=(e,t)=>t.updated_at>e.updated_at?1:t.updated_at<e.updated_at?-1:0,Fa=(e,t)=>e.created_at<t.created_at?-1:e.created_at>t.created_at?1:0,Te=F(()=>{let e=Object.values(R.value),t=G.value;return{queue:e.filter(n=>n.status==="pending").sort(Fa),mine:e.filter(n=>n.status==="assigned"&&n.assignee_id===t).sort(hn),open:e.filter(n=>n.status==="pending"||n.status==="assigned").sort(hn),resolved:e.filter(n=>n.status==="resolved").sort(hn)}}),Vi=F(()=>Te.value.mine.reduce((e,t)=>e+(U.value[t.id]||0),0)),Wa=0;function E(e,t="info"){let n=++Wa;We.value=[...We.value,{id:n,text:e,kind:t}],setTimeout(()=>xn(n),t==="error"?8e3:4e3)}function xn(e){We.value=We.value.filter(t=>t.id!==e)}function T(e,t){let n=e instanceof Ue||e?.message?e.message:String(e),o=(e?.fields||[]).map(i=>i.message).filter(Boolean);o.length&&(n=o.join("; ")),E(t?`${t}: ${n}`:n,"error")}function re(e){if(!e?.id)return;let t=R.value[e.id];t&&t.updated_at>e.updated_at||(R.value={...R.value,[e.id]:{...t,...e}})}var Eo=e=>e.status==="pending"||e.status==="assigned";async function Mo(){Tt.value=!0,vo();try{let[e,t,n]=await Promise.all([b.conversations({status:"pending,assigned"}),b.agents().catch(()=>[]),b.inboxes().catch(()=>[])]);ue(()=>{ge.value=t,Be.value=n;for(let o of e)re(o)});for(let o of e)Po(o);Nt(e.map(o=>o.id))}catch(e){T(e,"Could not load conversations")}finally{Tt.value=!1}}async function No(){if(!lt.value)try{let e=await b.conversations({status:"resolved"});ue(()=>{for(let t of e)re(t)}),lt.value=!0}catch(e){T(e,"Could not load resolved conversations")}}function Mt(){bo(),ue(()=>{L.value=null,R.value={},me.value={},U.value={},ie.value={},q.value={},Ae.value={},lt.value=!1,he.value=""})}function Po(e){Eo(e)&&un(e.id,Math.max(0,e.last_seq-1))}var Et=[],bn=new Set,rt={},gn=0,yn=e=>he.value===e&&!document.hidden;function Nt(e){for(let t of e)bn.has(t)||(bn.add(t),Et.push(t));for(;gn<4&&Et.length;)gn++,Ba().finally(()=>{gn--})}async function Ba(){for(;Et.length;){let e=Et.shift();bn.delete(e);let t=rt[e]=(rt[e]||0)+1;try{let n=await b.unread(e);rt[e]===t&&!yn(e)&&(U.value={...U.value,[e]:n.count})}catch{}}}var Ao=new Map;function Ve(e){if(!e||ie.value[e]||Ao.has(e))return;let t=b.contact(e).then(n=>{ie.value={...ie.value,[e]:n}},()=>{ie.value={...ie.value,[e]:{id:e,missing:!0}}});Ao.set(e,t)}function le(e){let t=ie.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function Ke(e){return e?e===G.value?"you":ge.value.find(t=>t.id===e)?.name||"an agent":""}function Ee(e){return Be.value.find(t=>t.id===e)?.name||""}function Pt(e,t){let n=new Map(e.map(o=>[o.seq,o]));for(let o of t)n.set(o.seq,o);return[...n.values()].sort((o,i)=>o.seq-i.seq)}async function zo(e){he.value=e;let t=R.value[e];try{t||(t=await b.conversation(e),re(t)),Ve(t.contact_id);let o=(await b.messages(e,{before_seq:t.last_seq+1,limit:50})).items||[];q.value={...q.value,[e]:Pt(q.value[e]||[],o)},Ae.value={...Ae.value,[e]:o.length>0&&o[0].seq>1&&o.length===50},un(e,o.length?o[o.length-1].seq:t.last_seq),b.readStates(e).then(i=>{let a=(i.items||[]).find(s=>s.participant.type==="contact");a&&(Fe.value={...Fe.value,[e]:a.last_read_seq})}).catch(()=>{}),ct(e)}catch(n){T(n,"Could not open the conversation")}}async function Io(e){let t=q.value[e]||[];if(t.length)try{let o=(await b.messages(e,{before_seq:t[0].seq,limit:50})).items||[];q.value={...q.value,[e]:Pt(q.value[e]||[],o)},Ae.value={...Ae.value,[e]:o.length===50&&o[0].seq>1}}catch(n){T(n,"Could not load earlier messages")}}var vn={};function ct(e){if(document.hidden||he.value!==e)return;let t=q.value[e]||[],n=R.value[e],o=Math.max(t.length?t[t.length-1].seq:0,n?.last_seq||0);o>0&&(vn[e]||0)<o&&(vn[e]=o,He({type:"read",conversation_id:e,seq:o}).catch(()=>b.markRead(e,o)).catch(()=>{vn[e]=0})),rt[e]=(rt[e]||0)+1,U.value[e]&&(U.value={...U.value,[e]:0})}function $n(e){let t=e.conversation_id;q.value[t]&&(q.value={...q.value,[t]:Pt(q.value[t],[e])}),me.value={...me.value,[t]:e}}function Va(e){let t=e.message,n=e.conversation_id,o=R.value[n],i=o&&t.seq>o.last_seq,a=t.sender?.type==="agent"&&t.sender.id===G.value;if(ue(()=>{q.value[n]&&(q.value={...q.value,[n]:Pt(q.value[n],[t])});let s=me.value[n];if((!s||s.seq<=t.seq)&&(me.value={...me.value,[n]:t}),i&&(R.value={...R.value,[n]:{...o,last_seq:t.seq,updated_at:t.created_at>o.updated_at?t.created_at:o.updated_at}}),t.sender?.type==="contact"){let r={...Q.value};delete r[n],Q.value=r}}),!(!i||a||t.kind==="event")){if(yn(n)){ct(n);return}U.value={...U.value,[n]:(U.value[n]||0)+1},Nt([n]),o.status==="assigned"&&o.assignee_id===G.value&&t.sender?.type==="contact"&&mn(`New message from ${le(o.contact_id)}`,t.body||"Sent a file",`/console/mine/${n}`)}}function To(e,t){let n=R.value[e.id];re(e),Ve(e.contact_id),Eo(e)&&!xo(e.id)&&(Po(e),Nt([e.id])),t==="conversation.queued"&&(!n||n.status!=="pending")&&mn("New conversation waiting",`${le(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}go(e=>{switch(e.type){case"message":e.message&&Va(e);break;case"message.updated":case"message.deleted":e.message&&$n(e.message);break;case"conversation":e.conversation&&To(e.conversation,e.event);break;case"event":e.event?.payload?.conversation&&To(e.event.payload.conversation,e.event.type);break;case"subscribed":if(e.conversation){let t=R.value[e.conversation.id]?.last_seq||0;re(e.conversation),e.conversation.last_seq>t&&!yn(e.conversation.id)&&Nt([e.conversation.id])}break;case"typing":(e.by?.type==="contact"||e.by?.id!==G.value)&&(Q.value={...Q.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(Fe.value={...Fe.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&he.value&&ct(he.value)});async function wn(){try{let e=await oe("/api/v1/me");if(e.kind!=="agent"){L.value=null;return}L.value=e}catch{L.value=null}finally{_n.value=!0}}var Me="/console",zt=y(location.pathname),Ne=F(()=>{let e=zt.value.slice(Me.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="admin"?{section:"admin",page:e[1]||"agents"}:{section:"inbox",list:["queue","mine","open","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function J(e,{replace:t=!1}={}){e!==zt.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),zt.value=e)}var Y=(e,t)=>`${Me}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{zt.value=location.pathname});window.addEventListener("parley:navigate",e=>J(e.detail));var D=e=>({size:t=18}={})=>l`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,It=D(l`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),qt=D(l`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),Ge=D(l`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),Lt=D(l`<path d="M20 6 9 17l-5-5"/>`),qo=D(l`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),Lo=D(l`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),Do=D(l`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),Ro=D(l`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),Uo=D(l`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),Oo=D(l`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),Dt=D(l`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),jo=D(l`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),Ho=D(l`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),Fo=D(l`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),Wo=D(l`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),Rt=D(l`<path d="M18 6 6 18M6 6l12 12"/>`),Ut=D(l`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),Bo=D(l`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),Vo=D(l`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),dt=()=>l`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function Ko({onLoggedIn:e}){let[t,n]=v(""),[o,i]=v(""),[a,s]=v(""),[r,c]=v(!1),[u,d]=v(""),[m,f]=v(!1);async function p(h){h.preventDefault(),f(!0),d("");try{await mo(t.trim(),o,a.trim()),await e()}catch(g){d(g.status===401?"The email or password is not right.":g.message),f(!1)}}return l`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${p} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${dt} /> <span>Parley</span></div>
        <h1 id="login-title">Sign in to the console</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${u&&l`<div class="form-error" role="alert" id="login-error">${u}</div>`}
        <label class="field">
          <span>Email</span>
          <input type="email" name="email" autocomplete="username" required autofocus
            value=${t} onInput=${h=>n(h.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Password</span>
          <input type="password" name="password" autocomplete="current-password" required
            value=${o} onInput=${h=>i(h.currentTarget.value)} />
        </label>
        ${r?l`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${a} placeholder="default"
              onInput=${h=>s(h.currentTarget.value)} />
          </label>`:l`
          <button type="button" class="link-button" onClick=${()=>c(!0)}>Sign in to another workspace</button>`}
        <button type="submit" class="button primary block" disabled=${m||!t||!o}>
          ${m?"Signing in…":"Sign in"}
        </button>
      </form>
    </main>`}var Ka=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],Ga=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function O(e,t=Date.now()){if(!e)return"";let n=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(n)<45)return"now";for(let[o,i]of Ka)if(Math.abs(n)>=i||o==="minute")return Ga.format(Math.round(n/i),o);return""}function kn(e){let t=new Date(e),n=new Date,o={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==n.toDateString()&&Object.assign(o,{month:"short",day:"numeric"}),t.toLocaleString(void 0,o)}var Pe=e=>e?new Date(e).toLocaleString():"";function Ot(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function Go(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function Jo(e){let t=0;for(let n of e||"")t=(t*31+n.charCodeAt(0))%360;return t}function jt(e=3e4){let[t,n]=v(Date.now());return C(()=>{let o=setInterval(()=>n(Date.now()),e);return()=>clearInterval(o)},[e]),t}function Z({id:e,name:t,size:n="md"}){return l`<span class=${`avatar avatar-${n} av-${Jo(e)%8}`} aria-hidden="true">${Go(t)}</span>`}var pt={queue:"Queue",mine:"Mine",open:"All open",resolved:"Resolved"};var Ja={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",It],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",qt],open:["No open conversations","Every conversation is resolved. Nice work.",Ge],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",Lt]};function Yo({list:e,items:t,loading:n,selected:o}){jt();let[i,a,s]=Ja[e];return l`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${pt[e]}</h1>
        <span class="muted small" aria-live="polite">${n?"":`${t.length} conversation${t.length===1?"":"s"}`}</span>
      </header>
      ${n&&!t.length?l`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(r=>l`<li key=${r} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?l`
        <ul class="conv-list" aria-label=${pt[e]+" conversations"}>
          ${t.map(r=>l`<${Ya} key=${r.id} c=${r} list=${e} selected=${r.id===o} />`)}
        </ul>`:l`
        <div class="empty small-empty">
          <div class="empty-icon"><${s} size=${22} /></div>
          <h2>${i}</h2>
          <p class="muted">${a}</p>
        </div>`}
    </section>`}function Ya({c:e,list:t,selected:n}){Ve(e.contact_id);let o=le(e.contact_id),i=me.value[e.id],a=U.value[e.id]||0,s=Q.value[e.id]&&Date.now()-Q.value[e.id].at<5e3&&Q.value[e.id].by?.type==="contact",r="No messages yet";s?r="typing…":i&&(r=(i.sender?.type==="contact"?"":i.kind==="note"?"Note: ":"You: ")+(i.deleted_at?"Message deleted":i.body||(i.attachments?.length?`📎 ${i.attachments[0].name}`:"")));let c=Y(t,e.id),u=[Ee(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+Ke(e.assignee_id):""].filter(Boolean).join(" · ");return l`
    <li>
      <a href=${c} class=${"conv-item"+(n?" selected":"")+(a?" has-unread":"")}
        aria-current=${n?"true":void 0} data-conversation=${e.id}
        onClick=${d=>{!d.metaKey&&!d.ctrlKey&&(d.preventDefault(),J(c))}}>
        <${Z} id=${e.contact_id} name=${o} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${o}</span>
            <time class="conv-time" datetime=${e.updated_at}>${O(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(s?" typing":"")}>${r}</span>
            ${a>0&&l`<span class="badge badge-accent unread-badge" aria-label=${a+" unread"}>${a}</span>`}
          </span>
          ${u&&l`<span class="conv-meta">${u}</span>`}
        </span>
      </a>
    </li>`}var Xo=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function Qo({conv:e}){let[t,n]=v("reply"),[o,i]=v(""),[a,s]=v([]),[r,c]=v(0),[u,d]=v(!1),m=V(null),f=V(null),p=V(0),h=V(Xo());if(C(()=>{let $=P=>{(P.detail==="reply"||P.detail==="note")&&(n(P.detail),m.current?.focus())};return window.addEventListener("parley:command",$),()=>window.removeEventListener("parley:command",$)},[]),e.status==="resolved")return l`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let g=t==="note",_=!u&&r===0&&(o.trim()||!g&&a.length);async function k(){if(!_)return;d(!0);let $={client_id:h.current,body:o.trim()};g?$.kind="note":a.length&&($.kind="attachment",$.attachment_ids=a.map(P=>P.id));try{let P=await b.send(e.id,$);$n(P),i(""),s([]),h.current=Xo(),ct(e.id),m.current?.focus()}catch(P){T(P,g?"The note was not saved":"The message was not sent")}finally{d(!1)}}async function x($){for(let P of $){c(j=>j+1);try{let j=await b.upload(e.id,P);s(ee=>[...ee,j])}catch(j){T(j,`Could not upload ${P.name}`)}finally{c(j=>j-1)}}}function N($){i($.currentTarget.value);let P=Date.now();P-p.current>1500&&(p.current=P,yo(e.id,g))}function S($){$.key==="Enter"&&!$.shiftKey&&!$.isComposing&&($.preventDefault(),k())}return l`
    <form class=${"composer"+(g?" composer-note":"")} onSubmit=${$=>{$.preventDefault(),k()}}
      aria-label=${g?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&l`
        <div class="composer-hint">This conversation is waiting in the queue.
          <button type="button" class="link-button" onClick=${()=>Ht(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(g?"":" active")} aria-pressed=${!g} onClick=${()=>{n("reply"),m.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(g?" active":"")} aria-pressed=${g} onClick=${()=>{n("note"),m.current?.focus()}}
          aria-keyshortcuts="n"><${Dt} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${g?"Private note, only agents see it":"Reply"}</label>
      <textarea id="composer-text" ref=${m} rows="3" value=${o} onInput=${N} onKeyDown=${S}
        placeholder=${g?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      ${(a.length>0||r>0)&&l`
        <ul class="staged" aria-label="Files to send">
          ${a.map($=>l`<li class="chip">${$.name} <span class="muted">${Ot($.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+$.name}
              onClick=${()=>s(a.filter(P=>P.id!==$.id))}><${Rt} size=${14} /></button></li>`)}
          ${r>0&&l`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${f} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${$=>{x([...$.currentTarget.files]),$.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${g}
          title=${g?"Notes cannot carry files":"Attach a file"} onClick=${()=>f.current?.click()}><${Uo} /></button>
        <span class="muted small composer-tip">${g?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(g?"note":"primary")} disabled=${!_}>
          <${Oo} size=${16} /> ${g?"Add note":"Send"}
        </button>
      </div>
    </form>`}var Xa={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function Zo({conv:e,list:t}){let n=le(e.contact_id);return Za(e),l`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${n}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${Xa[e.status]}</span>
            ${e.assignee_id&&l`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${Ke(e.assignee_id)}</span>`}
            ${Ee(e.inbox_id)&&l`<span class="muted small">· ${Ee(e.inbox_id)}</span>`}
          </div>
        </div>
        <${ei} conv=${e} />
      </header>
      <${ti} conv=${e} />
      <${ai} id=${e.id} name=${n} />
      <${Qo} conv=${e} />
    </div>`}async function Je(e,t){try{let n=await t();return n&&re(n),n}catch(n){return n.status===409?T(n,`Could not ${e}, the conversation changed meanwhile`):T(n,`Could not ${e}`),null}}var Ht=e=>Je("take it",()=>b.assign(e.id)).then(t=>t&&E("You took the conversation.","success")),ea=e=>Je("resolve it",()=>b.resolve(e.id)).then(t=>t&&E("Conversation resolved.","success")),Qa=e=>Je("reopen it",()=>b.reopen(e.id)).then(t=>t&&E("Conversation reopened.","success"));function Za(e){C(()=>{let t=n=>{n.detail==="take"&&e.status==="pending"&&Ht(e),n.detail==="resolve"&&e.status!=="resolved"&&ea(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function ei({conv:e}){let t=G.value,n=se.value==="admin"||se.value==="supervisor",o=ge.value.filter(a=>!a.disabled&&!a.bot&&a.id!==e.assignee_id),i=(a,s)=>l`
    <select class="select small" aria-label=${a} value=""
      onChange=${r=>{let c=r.currentTarget.value;r.currentTarget.value="",c&&s(c)}}>
      <option value="">${a}…</option>
      ${o.map(r=>l`<option value=${r.id}>${r.name}${r.id===t?" (you)":""}</option>`)}
    </select>`;return l`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&l`
        <button type="button" class="button primary" onClick=${()=>Ht(e)} aria-keyshortcuts="t">Take</button>
        ${n&&i("Assign to",a=>Je("assign it",()=>b.assign(e.id,a)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||n)&&l`
        ${i("Transfer to",a=>Je("transfer it",()=>b.transfer(e.id,e.assignee_id,a)).then(s=>s&&E(`Transferred to ${Ke(a)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Je("put it back",()=>b.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${e.status!=="resolved"?l`<button type="button" class="button success" onClick=${()=>ea(e)} aria-keyshortcuts="e">Resolve</button>`:l`<button type="button" class="button" onClick=${()=>Qa(e)}>Reopen</button>`}
    </div>`}function ti({conv:e}){let t=q.value[e.id],n=V(null),o=V(!0),i=t?.length?t[t.length-1].seq:0;if(Qn(()=>{let r=n.current;r&&o.current&&(r.scrollTop=r.scrollHeight)},[i,e.id]),!t)return l`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let a=Fe.value[e.id]||0,s=-1;return t.forEach((r,c)=>{r.sender?.type!=="contact"&&r.kind!=="note"&&r.kind!=="event"&&(s=c)}),l`
    <div class="messages" ref=${n} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${r=>{let c=r.currentTarget;o.current=c.scrollHeight-c.scrollTop-c.clientHeight<80}}>
      ${Ae.value[e.id]&&l`<button type="button" class="button ghost small load-earlier" onClick=${()=>Io(e.id)}>Load earlier messages</button>`}
      ${!t.length&&l`<p class="muted center">No messages yet.</p>`}
      ${t.map((r,c)=>l`<${oi} key=${r.seq} m=${r} conv=${e} prev=${t[c-1]}
        seen=${c===s&&a>=r.seq} />`)}
    </div>`}function ni(e,t){let n=e.sender||{};return n.display_name?n.display_name:n.type==="contact"?le(t.contact_id):n.type==="agent"||n.type==="bot"?n.id===G.value?"You":ge.value.find(o=>o.id===n.id)?.name||"Agent":"System"}function oi({m:e,conv:t,prev:n,seen:o}){if(e.kind==="event")return l`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${kn(e.created_at)}</time></div>`;let i=e.sender?.type==="contact",a=e.kind==="note",s=n&&n.kind===e.kind&&n.sender?.type===e.sender?.type&&n.sender?.id===e.sender?.id&&new Date(e.created_at)-new Date(n.created_at)<300*1e3,r=ni(e,t),c=["msg",i?"msg-in":"msg-out",a?"msg-note":"",s?"grouped":"",e.deleted_at?"deleted":""].filter(Boolean).join(" ");return l`
    <article class=${c} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(a?"Private note by ":"Message from ")+r}>
      ${!s&&l`
        <div class="msg-head">
          ${i&&l`<${Z} id=${t.contact_id} name=${r} size="sm" />`}
          <span class="msg-name">${r}</span>
          <time datetime=${e.created_at} title=${Pe(e.created_at)}>${kn(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${a&&l`<div class="note-label"><${Dt} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?l`<p class="msg-body muted">This message was deleted.</p>`:e.body&&l`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&l`
          <ul class="attachments">
            ${e.attachments.map(u=>l`
              <li><a class="attachment" href=${b.attachmentURL(u.id)} download=${u.name}>
                <${Wo} size=${16} /><span class="attachment-name">${u.name}</span><span class="muted">${Ot(u.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&l`<span class="muted small">(edited)</span>`}
      </div>
      ${o&&l`<div class="msg-seen">Seen</div>`}
    </article>`}function ai({id:e,name:t}){jt(1e3);let n=Q.value[e],o=n&&Date.now()-n.at<5e3,i="";return o&&(i=n.by?.type==="contact"?`${t} is typing…`:`${Ke(n.by?.id)||"An agent"} is typing${n.note?" a note":""}…`),l`<div class="typing" aria-live="polite">${o&&l`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${i}`}</div>`}var ta={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function na({conv:e}){let t=e.contact_id,[n,o]=v(null);C(()=>{Ve(t);let u=!0;return b.conversations({contact_id:t}).then(d=>{if(u){for(let m of d)m.status!=="open"&&re(m);o(d)}}).catch(()=>u&&o([])),()=>{u=!1}},[t]);let i=ie.value[t],a=le(t),s=i&&!i.missing?Object.entries(i.attributes||{}).filter(([u])=>u!=="unverified_email"):[],r=i&&!i.missing?[["Email",i.email],["Email (unverified)",i.attributes?.unverified_email],["Phone",i.phone],["External ID",i.external_id],["First seen",i.created_at&&O(i.created_at)]].filter(([,u])=>u):[],c=(n||[]).filter(u=>u.id!==e.id&&u.status!=="open");return l`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${Z} id=${t} name=${a} size="lg" />
        <h2 id="contact-title">${a}</h2>
        ${i&&!i.missing&&(i.verified?l`<span class="verified" title="Identified by your website's back-end"><${Fo} size=${14} /> Verified</span>`:l`<span class="unverified">Guest · not verified</span>`)}
      </div>
      ${!i&&l`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${i?.missing&&l`<p class="muted small center">Contact details are not available.</p>`}
      ${r.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props">${r.map(([u,d])=>l`<dt>${u}</dt><dd>${d}</dd>`)}</dl>
        </section>`}
      ${s.length>0&&l`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${s.map(([u,d])=>l`<dt>${u}</dt><dd>${typeof d=="object"?JSON.stringify(d):String(d)}</dd>`)}</dl>
        </section>`}
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${n===null?l`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:c.length===0?l`<p class="muted small">None — this is the first.</p>`:l`<ul class="mini-list">
              ${c.map(u=>l`<li key=${u.id}>
                <a href=${Y(ta[u.status],u.id)} onClick=${d=>{d.preventDefault(),J(Y(ta[u.status],u.id))}}>
                  <span class=${"status status-"+u.status}>${u.status}</span>
                  <span class="muted small">${Ee(u.inbox_id)} · ${O(u.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function oa({list:e,conversation:t}){C(()=>{e==="resolved"&&No()},[e]),C(()=>{t?zo(t):he.value=""},[t]);let n=Te.value[e]||[],o=Tt.value||e==="resolved"&&!lt.value,i=t?R.value[t]:null;return l`
    <${Yo} list=${e} items=${n} loading=${o} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?i?l`<${Zo} key=${t} conv=${i} list=${e} />`:l`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:l`
          <div class="empty">
            <div class="empty-icon"><${Ge} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${i&&l`<${na} key=${i.contact_id} conv=${i} />`}`}function aa(){let[e,t]=v(!0),[n,o]=v(!1),i=()=>b.agents().then(s=>{ge.value=s}).catch(s=>T(s,"Could not load agents")).finally(()=>t(!1));C(()=>{i()},[]);async function a(s){if(!(!s.disabled&&!confirm(`Disable ${s.name}? They are signed out and cannot sign in until enabled again.`)))try{await b.updateAgent(s.id,{disabled:!s.disabled}),E(`${s.name} is ${s.disabled?"enabled":"disabled"}.`,"success"),i()}catch(r){T(r)}}return l`
    <${ve} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>Add agent</button>
    <//>
    ${n&&l`<${ii} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading agents"></div>`:l`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${ge.value.map(s=>l`
              <tr key=${s.id} data-agent=${s.email}>
                <td><div class="cell-person"><${Z} id=${s.id} name=${s.name} size="sm" />
                  <div><div class="strong">${s.name}${s.id===G.value?" (you)":""}</div><div class="muted small">${s.email}</div></div></div></td>
                <td><span class=${"role role-"+s.role}>${s.role}</span>${s.bot?l` <span class="tag">bot</span>`:""}</td>
                <td>${s.disabled?l`<span class="tag tag-muted">disabled</span>`:l`<span class=${"presence-label p-"+(s.presence||"offline")}><span class=${"presence-dot p-"+(s.presence||"offline")} aria-hidden="true"></span>${s.presence||"offline"}</span>`}</td>
                <td>${s.capacity||"∞"}</td>
                <td class="muted">${O(s.created_at)}</td>
                <td class="right">${s.id!==G.value&&l`<button type="button" class="button small ghost" onClick=${()=>a(s)}>${s.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function ii({onDone:e}){let[t,n]=v({name:"",email:"",role:"agent",password:""}),[o,i]=v(null),[a,s]=v(!1),r=u=>d=>n({...t,[u]:d.currentTarget.value});async function c(u){u.preventDefault(),s(!0);try{await b.createAgent(t),E(`${t.name} can now sign in.`,"success"),e()}catch(d){i(d)}finally{s(!1)}}return l`
    <form class="card form-grid" onSubmit=${c} aria-label="New agent">
      <${ze} error=${o} />
      <label class="field"><span>Name</span><input required value=${t.name} onInput=${r("name")} /></label>
      <label class="field"><span>Email</span><input type="email" required value=${t.email} onInput=${r("email")} /></label>
      <label class="field"><span>Role</span>
        <select value=${t.role} onChange=${r("role")}>
          <option value="agent">Agent — answers conversations</option>
          <option value="supervisor">Supervisor — also sees the audit log</option>
          <option value="admin">Admin — manages the workspace</option>
        </select></label>
      <label class="field"><span>Password</span><input type="password" autocomplete="new-password" minlength="10" required value=${t.password} onInput=${r("password")} />
        <small class="muted">At least 10 characters. Share it with them safely.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${a}>Create agent</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}var si=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function Cn(e,t="Copied"){try{await navigator.clipboard.writeText(e),E(`${t} to the clipboard.`,"success")}catch{E("Select the text and copy it by hand.","error")}}function ia(){let[e,t]=v(!0),[n,o]=v(!1),i=()=>b.inboxes().then(a=>{Be.value=a}).catch(a=>T(a,"Could not load inboxes")).finally(()=>t(!1));return C(()=>{i()},[]),l`
    <${ve} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>o(!n)} aria-expanded=${n}>New inbox</button>
    <//>
    ${n&&l`<${ci} onDone=${()=>{o(!1),i()}} />`}
    ${e?l`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:Be.value.length?Be.value.map(a=>l`<${ri} key=${a.id} inbox=${a} onChange=${i} />`):l`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function ri({inbox:e,onChange:t}){let[n,o]=v((e.allowed_origins||[]).join(`
`)),[i,a]=v(null),s=si(e),r="inbox-"+e.id;async function c(u,d){try{await b.updateInbox(e.id,u),a(null),E(d,"success"),t()}catch(m){a(m)}}return l`
    <section class="card inbox-card" aria-labelledby=${r} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${r}>${e.name}</h2>
          <p class="muted small">Widget title “${e.widget?.title||e.name}” · files up to ${Math.round((e.conversation?.max_attachment_size||0)/1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{background:e.widget?.color||"#2563eb"}}></span>
      </header>
      <${ze} error=${i} />
      <div class="inbox-grid">
        <div>
          <h3>Widget snippet</h3>
          <p class="muted small">Paste it before <code>${"</body>"}</code> on every page of your site.</p>
          <div class="snippet">
            <pre><code class="snippet-code">${s}</code></pre>
            <button type="button" class="button small" onClick=${()=>Cn(s,"Snippet copied")}><${Ut} size=${14} /> Copy</button>
          </div>
        </div>
        <div>
          <h3>Identity</h3>
          <label class="switch">
            <input type="checkbox" checked=${!!e.identity?.require_verified}
              onChange=${u=>c({identity:{require_verified:u.currentTarget.checked}},"Identity settings saved.")} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${li} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${u=>{u.preventDefault(),c({allowed_origins:n.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${n} onInput=${u=>o(u.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
      </div>
    </section>`}function li({identity:e}){let t=Object.entries(e||{}).filter(([o,i])=>o!=="require_verified"&&i!==null&&i!==""&&!(Array.isArray(i)&&i.length===0));if(!t.length)return null;let n=o=>Array.isArray(o)?`${o.length} configured`:typeof o=="object"?JSON.stringify(o):String(o);return l`<dl class="props small">${t.map(([o,i])=>l`<dt>${o.replace(/_/g," ")}</dt><dd>${n(i)}</dd>`)}</dl>`}function ci({onDone:e}){let[t,n]=v(""),[o,i]=v(""),[a,s]=v(null);async function r(c){c.preventDefault();try{await b.createInbox({name:t,allowed_origins:o.split(/[\s,]+/).filter(Boolean)}),E(`Inbox ${t} created.`,"success"),e()}catch(u){s(u)}}return l`
    <form class="card form-grid" onSubmit=${r} aria-label="New inbox">
      <${ze} error=${a} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${c=>n(c.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${o} onInput=${c=>i(c.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function sa(){let[e,t]=v(null),[n,o]=v(!1),[i,a]=v(null),s=()=>b.tokens().then(t).catch(c=>{T(c,"Could not load tokens"),t([])});C(()=>{s()},[]);async function r(c){if(confirm(`Revoke “${c.name}”? Programs using it stop working at once.`))try{await b.revokeToken(c.id),E(`“${c.name}” is revoked.`,"success"),s()}catch(u){T(u)}}return l`
    <${ve} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{o(!n),a(null)}} aria-expanded=${n}>Create token</button>
    <//>
    ${i&&l`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${i.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>Cn(i.token,"Token copied")}><${Ut} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>a(null)}>I have stored it</button>
      </div>`}
    ${n&&l`<${di} onDone=${c=>{o(!1),c&&a(c),s()}} />`}
    ${e===null?l`<div class="spinner" role="status" aria-label="Loading tokens"></div>`:e.length?l`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(c=>l`
              <tr key=${c.id} class=${c.revoked_at?"revoked":""} data-token=${c.name}>
                <td class="strong">${c.name}</td>
                <td>${c.scopes.map(u=>l`<span class="tag">${u}</span> `)}</td>
                <td><code>${c.prefix}…</code></td>
                <td class="muted" title=${Pe(c.created_at)}>${O(c.created_at)} by ${c.created_by?.name}</td>
                <td class="muted">${c.last_used_at?O(c.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${c.expires_at?Pe(c.expires_at):""}>${c.expires_at?new Date(c.expires_at)<=new Date?l`<span class="tag tag-muted">expired</span>`:O(c.expires_at):"never"}</td>
                <td class="right">${c.revoked_at?l`<span class="tag tag-muted">revoked</span>`:l`<button type="button" class="button small danger-ghost" onClick=${()=>r(c)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:l`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function di({onDone:e}){let t=(L.value?.scopes||[]).filter(p=>!p.startsWith("workspaces:")),[n,o]=v(""),[i,a]=v(!0),[s,r]=v([]),[c,u]=v(""),[d,m]=v(null);async function f(p){p.preventDefault();let h={name:n,scopes:i?["all"]:s};c&&(h.expires_at=new Date(`${c}T00:00:00`).toISOString());try{let g=await b.createToken(h);e(g)}catch(g){m(g)}}return l`
    <form class="card form-grid" onSubmit=${f} aria-label="New API token">
      <${ze} error=${d} />
      <label class="field"><span>Name</span><input required value=${n} onInput=${p=>o(p.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${i} onChange=${p=>a(p.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!i&&l`<div class="scope-grid">${t.map(p=>l`
          <label class="check"><input type="checkbox" checked=${s.includes(p)}
            onChange=${h=>r(h.currentTarget.checked?[...s,p]:s.filter(g=>g!==p))} /> <code>${p}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${c} min=${pi()} onInput=${p=>u(p.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!i&&!s.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function pi(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function ra(){let[e,t]=v(null),[n,o]=v(""),[i,a]=v(!1);async function s(c){a(!0);try{let u=await b.audit(c);t(d=>c?[...d||[],...u.items]:u.items),o(u.next_cursor||"")}catch(u){T(u,"Could not load the audit log"),t(d=>d||[])}finally{a(!1)}}C(()=>{s("")},[]);let r=c=>Object.entries(c||{}).map(([u,d])=>`${u}: ${typeof d=="object"?JSON.stringify(d):d}`).join(", ");return l`
    <${ve} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?l`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?l`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(c=>l`
              <tr key=${c.id}>
                <td class="muted nowrap" title=${Pe(c.created_at)}>${O(c.created_at)}</td>
                <td><span class="tag tag-muted">${c.actor.type}</span> ${c.actor.name}</td>
                <td><code class="action">${c.action}</code></td>
                <td class="muted small details">${r(c.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${n&&l`<div class="center"><button type="button" class="button" disabled=${i} onClick=${()=>s(n)}>Load more</button></div>`}`:l`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}var ui={agents:aa,inboxes:ia,tokens:sa,audit:ra};function la({page:e}){let t=ui[e],n=se.value==="admin"||e==="audit"&&se.value==="supervisor";return l`
    <main class="pane-admin" id="main" tabindex="-1">
      ${t?n?l`<${t} />`:l`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:l`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function ve({title:e,sub:t,children:n}){return l`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&l`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${n}</div>
    </header>`}function ze({error:e}){return e?l`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&l`<ul>${e.fields.map(t=>l`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}function Sn(){return l`
    <div class="toasts" role="status" aria-live="polite">
      ${We.value.map(e=>l`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>xn(e.id)}><${Rt} size=${16} /></button>
        </div>`)}
    </div>`}var be=y(!1),fi=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["1 – 4","Queue, Mine, All open, Resolved"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],Ft=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function ca(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function da(e){let t=Ne.value;if(t.section!=="inbox")return;let n=Te.value[t.list]||[];if(!n.length)return;let o=n.findIndex(i=>i.id===t.conversation);o=o<0?e>0?0:n.length-1:Math.min(n.length-1,Math.max(0,o+e)),J(Y(t.list,n[o].id))}function pa(){C(()=>{let e=t=>{if(!L.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&ca(document.activeElement)){document.activeElement.blur();return}if(ca(t.target)||be.value)return;let n={1:"queue",2:"mine",3:"open",4:"resolved"};switch(t.key){case"j":da(1);break;case"k":da(-1);break;case"r":Ft("reply");break;case"n":Ft("note");break;case"t":Ft("take");break;case"e":Ft("resolve");break;case"?":be.value=!0;break;default:if(n[t.key]){J(Y(n[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function ua(){let e=V(null);return C(()=>{let t=e.current;t&&(be.value&&!t.open&&t.showModal(),!be.value&&t.open&&t.close())},[be.value]),l`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{be.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${fi.map(([t,n])=>l`<tr><td><kbd>${t}</kbd></td><td>${n}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var mi=[["online","Online"],["away","Away"],["offline","Offline"]],Ie=y(""),fa="parley.console.presence";function ma(){ga(localStorage.getItem(fa)||"online",!0)}async function ha(){try{await b.presence("offline")}catch{}Ie.value=""}async function ga(e,t){let n=Ie.value;Ie.value=e,t||localStorage.setItem(fa,e);try{let o=await b.presence(e);o?.status?Ie.value=o.status:o?.presence&&(Ie.value=o.presence)}catch(o){Ie.value=n,t||T(o,"Could not change your status")}}function va({onLogout:e}){let t=L.value?.agent||{},n=Ie.value||t.presence||"offline";return l`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${Z} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+n} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence">
        <legend class="sr-only">Your status</legend>
        ${mi.map(([o,i])=>l`
          <label class=${"presence-option"+(n===o?" checked":"")}>
            <input type="radio" name="presence" value=${o} checked=${n===o}
              onChange=${()=>ga(o)} />
            <span class=${"presence-dot p-"+o} aria-hidden="true"></span>${i}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${fe.value!=="granted"&&fe.value!=="unsupported"?l`
          <button type="button" class="button ghost small" onClick=${async()=>{await ko(),fe.value==="granted"?E("Notifications are on.","success"):fe.value==="denied"&&E("Notifications are blocked in your browser settings.","error")}}><${jo} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${st.value} onChange=${o=>Co(o.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{be.value=!0}} aria-keyshortcuts="?">
            <${Bo} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${Ho} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var hi={queue:It,mine:qt,open:Ge,resolved:Lt};function ba(){if(C(()=>{wn()},[]),C(()=>{L.value&&(Mo(),ma())},[L.value?.agent?.id]),pa(),!_n.value)return l`<div class="splash" role="status" aria-live="polite"><${dt} /><span class="sr-only">Loading…</span></div>`;if(!L.value)return l`<${Ko} onLoggedIn=${async()=>{await wn(),!Ne.value.list&&Ne.value.section!=="admin"&&J(Y("queue"),{replace:!0})}} /><${Sn} />`;let e=Ne.value;return l`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${gi} />
      ${e.section==="admin"?l`<${la} page=${e.page} />`:l`<${oa} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${ua} />
    <${Sn} />`}function gi(){let e=Ne.value,t=Te.value,n={queue:t.queue.length,mine:t.mine.length,open:t.open.length,resolved:null},o=t.mine.reduce((r,c)=>r+(U.value[c.id]||0),0),i=se.value==="admin",a=i||se.value==="supervisor",s=(r,c,u,d,m)=>l`
    <li><a href=${r} class=${"nav-link"+(d?" active":"")} aria-current=${d?"page":void 0}
      onClick=${f=>{!f.metaKey&&!f.ctrlKey&&(f.preventDefault(),J(r))}}>
      <${u} /><span class="nav-label">${c}</span>${m}</a></li>`;return l`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${dt} /><span>Parley</span></div>
      <${vi} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","resolved"].map(r=>s(Y(r),pt[r],hi[r],e.section==="inbox"&&e.list===r,l`${r==="mine"&&o>0?l`<span class="badge badge-accent" aria-label=${o+" unread"}>${o}</span>`:n[r]?l`<span class="count" aria-label=${n[r]+" conversations"}>${n[r]}</span>`:null}`))}
      </ul>
      ${a&&l`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${i&&s(`${Me}/admin/agents`,"Agents",qo,e.section==="admin"&&e.page==="agents")}
          ${i&&s(`${Me}/admin/inboxes`,"Inboxes",Ro,e.section==="admin"&&e.page==="inboxes")}
          ${i&&s(`${Me}/admin/tokens`,"API tokens",Lo,e.section==="admin"&&e.page==="tokens")}
          ${s(`${Me}/admin/audit`,"Audit log",Do,e.section==="admin"&&e.page==="audit")}
        </ul>`}
      <div class="nav-foot">
        <${va} onLogout=${async()=>{await ha();try{await ho()}catch(r){T(r)}Mt(),E("You are signed out.","info")}} />
      </div>
    </nav>`}function vi(){let e=Se.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return l`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&l`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${_o}><${Vo} size=${14} /></button>`}
    </div>`}fo(()=>{L.value&&(Mt(),E("Your session has ended. Please sign in again.","error"))});Zt(l`<${ba} />`,document.getElementById("app"));

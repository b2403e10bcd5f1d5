var z,qa,Pn,qe,zn,Ot,Pa,Lt,Ma,Mn,qn,Zs,$t=Symbol.for("pv"),jt={},Ft=[],Xs=/^m(i|n|o|s|text|space)$/,Ln=Array.isArray,Un=Ft.slice,Be=Object.assign;function He(e){e&&e.parentNode&&e.remove()}function _t(e,t,n){var a,r,s,i={},l=arguments.length;for(s in t)s=="key"?a=t[s]:s=="ref"&&typeof e!="function"?r=t[s]:i[s]=t[s];return l>2&&(i.children=l>3?Un.call(arguments,2):n),yt(e,i,a,r,null)}function yt(e,t,n,a,r){var s={type:e,props:t,key:n,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:$t,__v:r||++qa,__i:-1,__u:0};return!r&&z.vnode&&z.vnode(s),s}function Ke(e){return e.children}function Ve(e,t){this.props=e,this.context=t,this.__g=0}function Pe(e,t){if(t==null)return e.__&&Pe(e.__,e.__i+1);for(var n;t<e.__k.length;t++)if((n=e.__k[t])&&n.__e)return n.__e;return typeof e.type!="function"||e.props.__P?null:Pe(e)}function ei(e){var t,n=e.__v,a=n.__e,r=[],s=[],i=e.__P;i&&((t=Be({constructor:$t},n)).__v=n.__v+1,z.vnode&&z.vnode(t),On(i,t,n,e.__n,i.namespaceURI,32&n.__u?[a]:null,r,a||Pe(n),32&n.__u,s),t.__v=n.__v,t.__.__k[t.__i]=t,Wa(r,t,s),n.__=n.__e=null,t.__e!=a&&La(t))}function La(e){if((e=e.__)&&e.__c&&!e.props.__P)return e.__e=null,e.__k.some(function(t){return t&&(e.__e=t.__e)}),La(e)}function Da(e){(8&e.__g||(e.__g|=8,qe.push(e),Ot++))&&zn==z.debounceRendering||((zn=z.debounceRendering)||queueMicrotask)(Ua)}function Ua(){try{for(var e,t=1;qe.length;)qe.length>t&&qe.sort(Pa),e=qe.shift(),t=qe.length,8&e.__g&&ei(e)}finally{(Ot=qe.length)&&(zn||queueMicrotask)(Ua)}}function Oa(e,t,n,a,r,s,i,l,p,f,c){var m,d,u,g,v,x,_=a.__k||Ft,k=t.length;for(p=ti(n,t,_,p,k),m=0;m<k;m++)(u=n.__k[m])!=null&&(d=~u.__i&&_[u.__i]||jt,u.__i=m,x=On(e,u,d,r,s,i,l,p,f,c),g=u.__e,(d.ref!=u.ref||8&d.__u)&&(d.ref&&jn(d.ref,null,u,d),u.ref&&c.push(u.ref,u.__c||g,u)),v=v||g,4&u.__u?(p=ja(u,p,e,!d.__v),d.__e&&(d.__e=null)):typeof u.type=="function"&&x!==void 0?p=x:g&&(p=g.nextSibling),u.__u&=-21);return n.__e=v,p}function ti(e,t,n,a,r){var s,i,l,p,f,c,m,d,u,g=n.length,v=g,x=0,_=0,k=e.__k=Array(r);for(s=0;s<r;s++)(i=t[s])!=null&&typeof i!="boolean"&&typeof i!="function"?(typeof i!="object"||i.constructor===String?i=k[s]=yt(null,i):Ln(i)?i=k[s]=yt(Ke,{children:i}):i.constructor===$t&&i.__b?i=k[s]=yt(i.type,i.props,i.key,i.ref,i.__v):k[s]=i,p=s+x,i.__=e,i.__b=e.__b+1,l=null,~(f=i.__i=ni(i,n,p,v))&&(v--,(l=n[f])&&(l.__u|=2)),l&&l.__v?(i.__u|=16,f==p-1?x--:f==p+1?x++:f!=p&&(f>p?x--:x++,_=1)):(~f||(r>g?x--:r<g&&x++),typeof i.type!="function"&&(i.__u|=4))):k[s]=null;if(_){for(c=[],m=[],s=0;s<r;s++)if((i=k[s])&&16&i.__u){for(x=0,d=c.length;x<d;)c[u=x+d>>1]<i.__i?x=u+1:d=u;c[x]=i.__i,m[s]=x+1}for(x=c.length;s--;)m[s]&&(m[s]==x?x--:k[s].__u|=4)}if(v)for(s=0;s<g;s++)!(l=n[s])||2&l.__u||(l.__e==a&&(a=Pe(l)),Fn(l,l));return a}function ja(e,t,n,a){var r,s,i,l;if(typeof e.type=="function"){if(e.props.__P)return t;if(r=e.__k)for(s=0;s<r.length;s++)r[s]&&(r[s].__=e,t=ja(r[s],t,n,!1));return t}for(t&&!t.parentNode&&(t=Pe(e))&&!t.parentNode&&(t=null),i=e.__e,l=t;l&&l.nodeType==8;)l=l.nextSibling;for(i!=l&&(!a&&n.moveBefore&&i.parentNode?n.moveBefore(i,t):n.insertBefore(i,t||null)),t=i;(t=t&&t.nextSibling)&&t.nodeType==8&&!t.data.startsWith("$s"););return t}function ni(e,t,n,a){var r,s=e.key,i=e.type,l=t[n],p=l&&!(2&l.__u);if(l===null&&s==null||p&&s==l.key&&i==l.type)return n;if(a>(p?1:0)){for(r=n-1;r>=0;r--)if((l=t[r])&&!(2&l.__u)&&s==l.key&&i==l.type)return r;for(r=n+1;r<t.length;r++)if((l=t[r])&&!(2&l.__u)&&s==l.key&&i==l.type)return r}return-1}function za(e,t,n){n==null&&(n=""),t[0]=="-"?e.setProperty(t,n):e[t]=n}function Mt(e,t,n,a,r){var s,i;if(t=="style")if(typeof n=="string")e.style.cssText=n;else{if(typeof a=="string"&&(e.style.cssText=a=""),a)for(t in a)n&&t in n||za(e.style,t);if(n)for(t in n)a&&n[t]==a[t]||za(e.style,t,n[t])}else if(t[0]=="o"&&t[1]=="n")typeof n!="function"&&(n=null),typeof a!="function"&&(a=null),(e.__e||(e.__e={}))[t]=n,n&&a||(i=qn[t]||(qn[t]=ai(t)),(e.__a||(e.__a={}))[t]=Mn,s=t!=(t=t.replace(Ma,"$1")),(t=t.slice(2))[0]<"a"&&(t=t.toLowerCase()),n?e.addEventListener(t,i,s):e.removeEventListener(t,i,s));else{if(r=="http://www.w3.org/2000/svg")t=t.replace(/xlink(H|:h)/,"h").replace(/sName$/,"s");else if(t!="width"&&t!="height"&&t!="href"&&t!="list"&&t!="form"&&t!="tabIndex"&&t!="download"&&t!="rowSpan"&&t!="colSpan"&&t!="role"&&t!="popover"&&t in e)try{return void(e[t]=n??"")}catch{}if(typeof n=="function")return;n==null||n===!1&&t[4]!="-"?e.removeAttribute(t):e.setAttribute(t,t=="popover"&&n==1?"":n)}}function ai(e){return function(t){var n=this.__e;if(n){if(n=n[e],t[Lt]==null)t[Lt]=Mn++;else if(t[Lt]<this.__a[e])return;return n(z.event?z.event(t):t)}}}function On(e,t,n,a,r,s,i,l,p,f){var c,m,d,u,g,v,x,_,k,T,I,y,D,N,q,re,j,ee,le=t.type;if(t.constructor!==$t)return null;128&n.__u&&(p=32&n.__u,c=n.__c.__z)&&(t.__u|=p,m=s=[],c.nodeType==8?l=Ut(c,s):s.push(c),l=s[0]||l),(c=z.__b)&&c(t);e:if(typeof le=="function"){d=i.length;try{if(_=t.props,k=(c=le.prototype)&&c.render,T=(c=le.contextType)&&a[c.__c],I=c?T?T.props.value:c.__:a,(u=n.__c)?(t.__c=u,2&u.__g&&(u.__g|=1)):(k?t.__c=u=new le(_,I):(t.__c=u=new Ve(_,I),u.constructor=le,u.render=si),T&&T.sub(u),u.state||(u.state={}),u.__n=a,u.__g|=8,u.__h=[],u.__k=[]),k&&(u.__s||(u.__s=u.state),le.getDerivedStateFromProps&&(u.__s==u.state&&(u.__s=Be({},u.__s)),Be(u.__s,le.getDerivedStateFromProps(_,u.__s)))),g=u.props,v=u.state,u.__v=t,n.__c){if(_!==g&&k&&!le.getDerivedStateFromProps&&u.componentWillReceiveProps&&u.componentWillReceiveProps(_,I),t.__v==n.__v&&!(8&u.__g)||!(4&u.__g)&&u.shouldComponentUpdate&&u.shouldComponentUpdate(_,u.__s,I)===!1){t.__v!=n.__v&&(u.props=_,u.state=u.__s,u.__g&=-9),t.__e=n.__e,t.__k=n.__k,t.__k.some(function(te){te&&(te.__=t)}),Ft.push.apply(u.__h,u.__k),u.__k=[],u.__h.length&&i.push(u),l=Pe(n);break e}u.componentWillUpdate&&u.componentWillUpdate(_,u.__s,I),k&&u.componentDidUpdate&&u.__h.push(function(){u.componentDidUpdate(g,v,x)})}else k&&!le.getDerivedStateFromProps&&u.componentWillMount&&u.componentWillMount(),k&&u.componentDidMount&&u.__h.push(u.componentDidMount);u.context=I,u.props=_,u.__P=e,u.__g&=-5,y=z.__r,D=k?25:0;do u.__g&=-9,y&&y(t),c=u.render(u.props,u.state=u.__s,u.context);while(8&u.__g&&++D<25);k&&(Ft.push.apply(u.__h,u.__k),u.__k=[]),u.state=u.__s,u.getChildContext&&(a=Be({},a,u.getChildContext())),k&&n.__c&&u.getSnapshotBeforeUpdate&&(x=u.getSnapshotBeforeUpdate(g,v)),N=c&&c.type===Ke&&c.key==null?c.props.children:c,_.__P&&(c=l,r=(e=_.__P).namespaceURI,p=s=null,n.props&&n.props.__P!=e&&(n.__k.some(function(te){te&&Fn(te,te)}),n.__k=null),l=n.__k?Pe(n,0):null),l=Oa(e,Ln(N)?N:[N],t,n,a,r,s,i,l,p,f),_.__P&&(t.__e=null,l=c),t.__u&=-161,m&&m.some(He),u.__h.length&&i.push(u),1&u.__g&&(u.__g&=-4)}catch(te){if(i.length=d,t.__v=null,p||s)if(te&&te.then){if(t.__u|=128|p,s){for(~(j=s.indexOf(l||void 0))||(j=s.length);(ee=s[j-1])&&ee.nodeType==8;)j--;for(;j<s.length;j++)if(ee=s[j])if(s[j]=null,q){if(ee==re)break}else{if(ee.nodeType!=8)break;ee.data.startsWith("$s")&&(re=Ut(q=ee))}}if(!q){for(;l&&l.nodeType==8&&l.nextSibling;)l=l.nextSibling;q=l}(c=Ut(q=t.__c.__z||(t.__c.__z=q)))?(t.__e=q,l=c):t.__e=l,l=l&&l.nextSibling}else s&&s.some(He);else t.__e=n.__e;t.__k||(t.__k=n.__k||[]),te&&te.then||Fa(t),z.__e(te,t,n)}}else l=t.__e=oi(n.__e,t,n,a,r,s,i,p,f,e);return(c=z.diffed)&&c(t),l}function Ut(e,t){if(e&&e.nodeType==8&&e.data.startsWith("$s"))for(var n=1;e=e.nextSibling;){if(e.nodeType==8){if(e.data.startsWith("$s"))n++;else if(e.data.startsWith("/$s")&&!--n)return e}t&&t.push(e)}}function Fa(e){e&&(e.__c&&(e.__c.__g|=4),e.__k&&e.__k.some(Fa))}function Wa(e,t,n){for(var a=0;a<n.length;)jn(n[a++],n[a++],n[a++]);z.__c&&z.__c(t,e),e.some(function(r){try{e=r.__h,r.__h=[],e.some(function(s){s.call(r)})}catch(s){z.__e(s,r.__v)}})}function oi(e,t,n,a,r,s,i,l,p,f){var c,m,d,u,g,v,x,_,k=n.props||jt,T=t.props,I=t.type;if(I=="svg"?r="http://www.w3.org/2000/svg":I=="math"?r="http://www.w3.org/1998/Math/MathML":r||(r="http://www.w3.org/1999/xhtml"),s){for(c=0;c<s.length;c++)if((g=s[c])&&(I?g.localName==I:g.nodeType==3)){e=g,s[c]=null;break}}if(!e){if(_=f.ownerDocument||document,!I)return _.createTextNode(T);e=_.createElementNS(r,I,T.is?T:f),l&&(z.__m&&z.__m(t,s),l=!1),s=null}if(I){if(f=I=="template"&&e.content||e,s=I=="textarea"&&T.defaultValue!=null?null:s&&Un.call(f.childNodes),!l&&s)for(k={},c=0;c<e.attributes.length;c++)k[(g=e.attributes[c]).name]=g.value;for(c in k)g=k[c],c=="dangerouslySetInnerHTML"?d=g:c=="children"||c in T||c=="value"&&"defaultValue"in T||c=="checked"&&"defaultChecked"in T||Mt(e,c,null,g,r);for(c in T)g=T[c],c=="children"?u=g:c=="dangerouslySetInnerHTML"?m=g:c=="value"?v=g:c=="checked"?x=g:l&&typeof g!="function"||k[c]===g||Mt(e,c,g,k[c],r);m?(l||d&&(m.__html==d.__html||m.__html==e.innerHTML)||(e.innerHTML=m.__html),t.__k=[]):(d&&(e.textContent=""),(I=="foreignObject"||r=="http://www.w3.org/1998/Math/MathML"&&Xs.test(I))&&(r="http://www.w3.org/1999/xhtml"),Oa(f,Ln(u)?u:[u],t,n,a,r,s,i,s?s[0]:n.__k&&Pe(n,0),l,p),s&&s.some(He)),l&&I!="textarea"||(c="value",I=="progress"&&v==null?e.removeAttribute(c):v==null||v===e[c]&&(I!="progress"||v)||Mt(e,c,v,k[c],r),c="checked",x!=null&&x!=e[c]&&Mt(e,c,x,k[c],r))}else k===T||l&&e.data==T||(e.data=T);return e}function jn(e,t,n,a){try{typeof e=="function"?t?t.__x=e(t)||1:a&&(a=a.__c||a.__e)&&(t=a.__x)&&(a.__x=null,typeof t=="function"?t():e(null)):e.current=t}catch(r){z.__e(r,n)}}function Fn(e,t,n){var a,r,s,i;if(z.unmount&&z.unmount(e),!(a=e.ref)||a.current&&a.current!=e.__e||jn(a,null,t,e),a=e.__c){if(a.componentWillUnmount)try{a.componentWillUnmount()}catch(l){z.__e(l,t)}a.__P=a.__n=null}if(a=e.__k)for(i=0;i<a.length;i++)a[i]&&Fn(a[i],t,typeof e.type!="function"||n&&!e.props.__P);!n&&(a=e.__c)&&(a=a.__z)&&(r=Ut(a,s=[]))&&(a==e.__e&&s.some(He),He(r),He(a)),n||He(e.__e),e.__e=e.__c=e.__=null}function si(e,t,n){return this.constructor(e,n)}function Wn(e,t){var n,a,r,s;z.__&&z.__(e,t),t.nodeType==9&&(t=t.documentElement),a=(n=e&&32&e.__u)?null:t.__k,t.__k=yt(Ke,{children:[e]}),r=[],s=[],On(t,t.__k,a||jt,jt,t.namespaceURI,a?null:t.firstChild?Un.call(t.childNodes):null,r,a?a.__e:t.firstChild,n,s),Wa(r,t.__k,s),t.__k.props.children=null}z={__e:function(e,t,n,a){for(var r,s,i;t=t.__;)if((r=t.__c)&&!(1&r.__g)){r.__g|=4;try{if((i=(s=r.constructor)&&s.getDerivedStateFromError)&&r.setState(s.getDerivedStateFromError(e)),r.componentDidCatch&&(r.componentDidCatch(e,a||{}),i=1),i&&8&r.__g)return void(r.__g|=2)}catch(l){e=l}}throw Ot=0,e}},qa=0,Pn=function(e){return e!=null&&e.constructor===$t},Ve.prototype.setState=function(e,t){var n=this.__s;n&&n!=this.state||(n=this.__s=Be({},this.state)),typeof e=="function"&&(e=e(Be({},n),this.props)),e&&(Be(n,e),this.__v&&(t&&this.__k.push(t),Da(this)))},Ve.prototype.forceUpdate=function(e){this.__v&&(this.__g|=4,e&&this.__h.push(e),Da(this))},Ve.prototype.render=Ke,qe=[],Ot=0,Pa=function(e,t){return e.__v.__b-t.__v.__b},Lt=Symbol(),Ma=/(PointerCapture)$|Capture$/i,Mn=0,qn={},Zs=0;var Ba=function(e,t,n,a){var r;t[0]=0;for(var s=1;s<t.length;s++){var i=t[s++],l=t[s]?(t[0]|=i?1:2,n[t[s++]]):t[++s];i===3?a[0]=l:i===4?a[1]=Object.assign(a[1]||{},l):i===5?(a[1]=a[1]||{})[t[++s]]=l:i===6?a[1][t[++s]]+=l+"":i?(r=e.apply(l,Ba(e,l,n,["",null])),a.push(r),l[0]?t[0]|=2:(t[s-2]=0,t[s]=r)):a.push(l)}return a},Ha=new Map;function Va(e){var t=Ha.get(this);return t||(t=new Map,Ha.set(this,t)),(t=Ba(this,t.get(e)||(t.set(e,t=(function(n){for(var a,r,s=1,i="",l="",p=[0],f=function(d){s===1&&(d||(i=i.replace(/^\s*\n\s*|\s*\n\s*$/g,"")))?p.push(0,d,i):s===3&&(d||i)?(p.push(3,d,i),s=2):s===2&&i==="..."&&d?p.push(4,d,0):s===2&&i&&!d?p.push(5,0,!0,i):s>=5&&((i||!d&&s===5)&&(p.push(s,0,i,r),s=6),d&&(p.push(s,d,0,r),s=6)),i=""},c=0;c<n.length;c++){c&&(s===1&&f(),f(c));for(var m=0;m<n[c].length;m++)a=n[c][m],s===1?a==="<"?(f(),p=[p],s=3):i+=a:s===4?i==="--"&&a===">"?(s=1,i=""):i=a+i[0]:l?a===l?l="":i+=a:a==='"'||a==="'"?l=a:a===">"?(f(),s=1):s&&(a==="="?(s=5,r=i,i=""):a==="/"&&(s<5||n[c][m+1]===">")?(f(),s===3&&(p=p[0]),s=p,(p=p[0]).push(2,0,s),s=0):a===" "||a==="	"||a===`
`||a==="\r"?(f(),s=2):i+=a),s===3&&i==="!--"&&(s=4,p=p[0])}return f(),p})(e)),t),arguments,[])).length>1?t:t[0]}var o=Va.bind(_t);var nt,H,Hn,Ka,Bn=Object.is,Wt=0,no=[],Vn=[],W=z,Qa=W.__b,Ya=W.__r,Ga=W.diffed,Ja=W.__c,Za=W.unmount,Xa=W.__;function Ht(e,t){W.__h&&W.__h(H,e,Wt||t),Wt=0;var n=H.__H||(H.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function h(e){return Wt=1,ii(oo,e)}function ii(e,t,n){var a=Ht(nt++,2);if(a.t=e,!a.__c&&(a.__=[n?n(t):oo(void 0,t),function(s){var i=(a.__N||a.__)[0],l=a.t(i,s);Bn(i,l)||(a.__N=[l,a.__[1]],a.__c.setState({}))}],a.__c=H,!H.__f)){H.__f=!0;var r=H.shouldComponentUpdate;H.shouldComponentUpdate=function(s,i,l){var p=this.__H;if(!p)return!0;var f=!1,c=this.props!=s;if(p.__.some(function(d){d.__N&&(f=!0,Bn(d.__[0],d.__N[0])||(c=!0))}),r){var m=r.call(this,s,i,l);return f?m||c:m}return!f||c}}return a.__}function $(e,t){var n=Ht(nt++,3);!W.__s&&Qn(n.__H,t)&&(n.__P=!0,n.__=e,n.u=t,H.__H.__h.push(n))}function ao(e,t){var n=Ht(nt++,4);!W.__s&&Qn(n.__H,t)&&(n.__P=!1,n.__=e,n.u=t,H.__h.push(n))}function Z(e){return Wt=5,Bt(function(){return{current:e}},[])}function Bt(e,t){var n=Ht(nt++,7);return Qn(n.__H,t)&&(n.__=e(),n.__H=t),n.__}function ri(){var e;do{for(;e=Vn.shift();)try{wt(e)}catch(n){W.__e(n,{__:(e=e.__P)&&e.__v})}for(;e=no.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(wt),t.__h.some(Kn),t.__h=[]}catch(n){t.__h=[],W.__e(n,e.__v)}}}while(Vn.length)}W.__b=function(e){H=null,Qa&&Qa(e)},W.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Xa&&Xa(e,t)},W.__r=function(e){Ya&&Ya(e),nt=0;var t=(H=e.__c).__H;t&&(Hn==H?H.__h=[]:(t.__h.some(wt),t.__h.some(Kn),nt=0),t.__h=[],t.__.some(function(n){n.__N&&(n.__=n.__N),n.u=n.__N=void 0})),Hn=H},W.diffed=function(e){Ga&&Ga(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&to(no.push(t)),t.__H.__.some(function(n){n.u&&(n.__H=n.u)})),Hn=H=null},W.__c=function(e,t){t.some(function(n){try{n.__h.some(wt),n.__h=n.__h.filter(function(a){return!a.__||Kn(a)})}catch(a){n.__h=[function(){throw a}]}}),Ja&&Ja(e,t)},W.unmount=function(e){Za&&Za(e);var t,n,a=e.__c;a&&a.__H&&(a.__H.__.some(function(r){try{if(r.__P&&r.__c){if(n===void 0){for(n=e.__;n&&(!n.__c||!n.__c.__P);)n=n.__;n=n&&n.__c}r.__P=n,to(Vn.push(r))}else wt(r)}catch(s){t=s}}),a.__H=void 0,t&&W.__e(t,a.__v))};var eo=typeof requestAnimationFrame=="function";function li(e){var t,n=function(){clearTimeout(a),eo&&cancelAnimationFrame(t),setTimeout(e)},a=setTimeout(n,35);eo&&(t=requestAnimationFrame(n))}function to(e){e!=1&&Ka==W.requestAnimationFrame||((Ka=W.requestAnimationFrame)||li)(ri)}function wt(e){var t=H,n=e.__c;typeof n=="function"&&(e.__c=void 0,n()),H=t}function Kn(e){var t=H;e.__c=e.__(),H=t}function Qn(e,t){return!e||e.length!=t.length||t.some(function(n,a){return!Bn(n,e[a])})}function oo(e,t){return typeof t=="function"?t(e):t}var ci=Symbol.for("preact-signals");function Yt(){if(Te>1)Te--;else{var e,t=!1;for((function(){var r=Kt;for(Kt=void 0;r!==void 0;){var s=r.S;if(s.v===r.v)for(var i=s.t;i!==void 0;i=i.x)i.i===r.i&&(i.i=s.i);r=r.o}})();Ct!==void 0;){var n=Ct;for(Ct=void 0,Vt++;n!==void 0;){var a=n.u;if(n.u=void 0,n.f&=-3,!(8&n.f)&&io(n))try{n.c()}catch(r){t||(e=r,t=!0)}n=a}}if(Vt=0,Te--,t)throw e}}function Me(e){if(Te>0)return e();Yn=++di,Te++;try{return e()}finally{Yt()}}var kt,F=void 0;function St(e){var t=F,n=kt;F=void 0,kt=void 0;try{return e()}finally{F=t,kt=n}}var Ct=void 0,Te=0,Vt=0,di=0,Yn=0,Kt=void 0,Qt=0;function so(e){if(F!==void 0){var t=e.n;if(t===void 0||t.t!==F)return t={i:0,S:e,p:F.s,n:void 0,t:F,e:void 0,x:void 0,r:t},F.s!==void 0&&(F.s.n=t),F.s=t,e.n=t,32&F.f&&e.S(t),t;if(t.i===-1)return t.i=0,t.n!==void 0&&(t.n.p=t.p,t.p!==void 0&&(t.p.n=t.n),t.p=F.s,t.n=void 0,F.s.n=t,F.s=t),t}}function G(e,t){this.v=e,this.i=0,this.n=void 0,this.t=void 0,this.l=0,this.W=t?.watched,this.Z=t?.unwatched,this.name=t?.name}G.prototype.brand=ci;G.prototype.h=function(){return!0};G.prototype.S=function(e){var t=this,n=this.t;n!==e&&e.e===void 0&&(e.x=n,this.t=e,n!==void 0?n.e=e:St(function(){var a;(a=t.W)==null||a.call(t)}))};G.prototype.U=function(e){var t=this;if(this.t!==void 0){var n=e.e,a=e.x;n!==void 0&&(n.x=a,e.e=void 0),a!==void 0&&(a.e=n,e.x=void 0),e===this.t&&(this.t=a,a===void 0&&St(function(){var r;(r=t.Z)==null||r.call(t)}))}};G.prototype.subscribe=function(e){var t=this;return Ie(function(){var n=t.value;St(function(){return e(n)})},{name:"sub"})};G.prototype.valueOf=function(){return this.value};G.prototype.toString=function(){return this.value+""};G.prototype.toJSON=function(){return this.value};G.prototype.peek=function(){var e=this;return St(function(){return e.value})};Object.defineProperty(G.prototype,"value",{get:function(){var e=so(this);return e!==void 0&&(e.i=this.i),this.v},set:function(e){if(e!==this.v){if(Vt>100)throw new Error("Cycle detected");(function(n){Te!==0&&Vt===0&&n.l!==Yn&&(n.l=Yn,Kt={S:n,v:n.v,i:n.i,o:Kt})})(this),this.v=e,this.i++,Qt++,Te++;try{for(var t=this.t;t!==void 0;t=t.x)t.t.N()}finally{Yt()}}}});function A(e,t){return new G(e,t)}function io(e){for(var t=e.s;t!==void 0;t=t.n)if(t.S.i!==t.i||!t.S.h()||t.S.i!==t.i)return!0;return!1}function ro(e){for(var t=e.s;t!==void 0;t=t.n){var n=t.S.n;if(n!==void 0&&(t.r=n),t.S.n=t,t.i=-1,t.n===void 0){e.s=t;break}}}function lo(e){for(var t=e.s,n=void 0;t!==void 0;){var a=t.p;t.i===-1?(t.S.U(t),a!==void 0&&(a.n=t.n),t.n!==void 0&&(t.n.p=a)):n=t,t.S.n=t.r,t.r!==void 0&&(t.r=void 0),t=a}e.s=n}function Qe(e,t){G.call(this,void 0,t),this.x=e,this.s=void 0,this.g=Qt-1,this.f=4}Qe.prototype=new G;Qe.prototype.h=function(){if(this.f&=-3,1&this.f)return!1;if((36&this.f)==32||(this.f&=-5,this.g===Qt))return!0;if(this.g=Qt,this.f|=1,this.i>0&&!io(this))return this.f&=-2,!0;var e=F;try{ro(this),F=this;var t=this.x();(16&this.f||this.v!==t||this.i===0)&&(this.v=t,this.f&=-17,this.i++)}catch(n){this.v=n,this.f|=16,this.i++}return F=e,lo(this),this.f&=-2,!0};Qe.prototype.S=function(e){if(this.t===void 0){this.f|=36;for(var t=this.s;t!==void 0;t=t.n)t.S.S(t)}G.prototype.S.call(this,e)};Qe.prototype.U=function(e){if(this.t!==void 0&&(G.prototype.U.call(this,e),this.t===void 0)){this.f&=-33;for(var t=this.s;t!==void 0;t=t.n)t.S.U(t)}};Qe.prototype.N=function(){if(!(2&this.f)){this.f|=6;for(var e=this.t;e!==void 0;e=e.x)e.t.N()}};Object.defineProperty(Qe.prototype,"value",{get:function(){if(1&this.f)throw new Error("Cycle detected");var e=so(this);if(this.h(),e!==void 0&&(e.i=this.i),16&this.f)throw this.v;return this.v}});function ne(e,t){return new Qe(e,t)}function co(e){var t=e.j;if(e.j=void 0,typeof t=="function"){Te++;var n=F;F=void 0;try{t()}catch(a){throw e.f&=-2,e.f|=8,Gn(e),a}finally{F=n,Yt()}}}function Gn(e){for(var t=e.s;t!==void 0;t=t.n)t.S.U(t);e.x=void 0,e.s=void 0,co(e)}function pi(e){if(F!==this)throw new Error("Out-of-order effect");lo(this),F=e,this.f&=-2;try{8&this.f&&Gn(this)}finally{Yt()}}function at(e,t){this.x=e,this.j=void 0,this.s=void 0,this.u=void 0,this.f=32,this.name=t?.name,kt&&kt.push(this)}at.prototype.c=function(){var e=this.S();try{if(8&this.f||this.x===void 0)return;var t=this.x();typeof t=="function"&&(this.j=t)}finally{e()}};at.prototype.S=function(){if(1&this.f)throw new Error("Cycle detected");this.f|=1,this.f&=-9,co(this),ro(this),Te++;var e=F;return F=this,pi.bind(this,e)};at.prototype.N=function(){2&this.f||(this.f|=2,this.u=Ct,Ct=this)};at.prototype.d=function(){this.f|=8,1&this.f||Gn(this)};at.prototype.dispose=function(){this.d()};function Ie(e,t){var n=new at(e,t);try{n.c()}catch(r){throw n.d(),r}var a=n.d.bind(n);return a[Symbol.dispose]=a,a}var po,Jt,Gt,ui=typeof window<"u"&&!!window.__PREACT_SIGNALS_DEVTOOLS__;var uo=[];Ie(function(){po=this.N})();function ot(e,t){z[e]=t.bind(null,z[e]||function(){})}function Tt(e){if(Gt){var t=Gt;Gt=void 0,t()}Gt=e&&e.S()}function mo(e){var t=this,n=e.data,a=fi(n);a.name="ReactiveDom",a.value=n;var r=Bt(function(){for(var l=t,p=t.__v;p=p.__;)if(p.__c){p.__c.__$f|=4;break}var f=ne(function(){var u=a.value.value;return u===0?0:u===!0?"":u||""}),c=ne(function(){return!Array.isArray(f.value)&&!Pn(f.value)}),m=Ie(function(){if(this.N=fo,c.value){var u=f.value;l.__v&&l.__v.__e&&l.__v.__e.nodeType===3&&(l.__v.__e.data=u)}}),d=t.__$u.d;return t.__$u.d=function(){m(),d.call(this)},[c,f]},[]),s=r[0],i=r[1];return s.value?i.peek():i.value}mo.displayName="ReactiveTextNode";Object.defineProperties(G.prototype,{constructor:{configurable:!0,value:_t(Ke,null).constructor},type:{configurable:!0,value:mo},props:{configurable:!0,get:function(){var e=this;return{data:{get value(){return e.value}}}}},__b:{configurable:!0,value:1}});ot("__b",function(e,t){if(Tt(),Jt=void 0,typeof t.type=="string"){var n,a=t.props;for(var r in a)if(r!=="children"){var s=a[r];s instanceof G&&(n||(t.__np=n={}),n[r]=s,a[r]=s.peek())}}e(t)});ot("__r",function(e,t){if(e(t),t.type!==Ke){Tt();var n,a=t.__c;a&&(a.__$f&=-2,(n=a.__$u)===void 0&&(a.__$u=n=(function(r,s){var i;return Ie(function(){i=this},{name:s}),i.c=r,i})((function(r){return function(){var s;ui&&((s=this.y)==null||s.call(this)),r.__$f|=1,r.setState({})}})(a),typeof t.type=="function"?t.type.displayName||t.type.name:""))),Jt=a,Tt(n)}});ot("__e",function(e,t,n,a){Tt(),Jt=void 0,e(t,n,a)});ot("diffed",function(e,t){Tt(),Jt=void 0;var n;if(typeof t.type=="string"&&(n=t.__e)){var a=t.__np,r=t.props,s=n.U;if(s)for(var i in s){var l=s[i];l===void 0||a&&i in a||(l.d(),s[i]=void 0)}if(a){s||(s={},n.U=s);for(var p in a){var f=s[p],c=a[p];f===void 0?(f=mi(n,p,c,r),s[p]=f):f.o(c,r)}}}e(t)});function mi(e,t,n,a){var r=t in e&&e.ownerSVGElement===void 0,s=A(n);return{o:function(i,l){s.value=i,a=l},d:Ie(function(){this.N=fo;var i=s.value.value;a[t]!==i&&(a[t]=i,r?e[t]=i:i!=null&&(i!==!1||t[4]==="-")?e.setAttribute(t,i):e.removeAttribute(t))})}}ot("unmount",function(e,t){if(typeof t.type=="string"){var n=t.__e;if(n){var a=n.U;if(a){n.U=void 0;for(var r in a){var s=a[r];s&&s.d()}}}var i=t.__np;if(i){var l=t.props;for(var p in i)l[p]=i[p]}t.__np=void 0}else{var f=t.__c;if(f){f.__$f|=8;var c=f.__$u;c&&(f.__$u=void 0,c.d())}}e(t)});ot("__h",function(e,t,n,a){a<3&&(t.__$f|=2),e(t,n,a)});Ve.prototype.shouldComponentUpdate=function(e,t){if(this.__R)return!0;var n=this.__$u,a=n&&n.s!==void 0;for(var r in t)return!0;if(this.__f||typeof this.u=="boolean"&&this.u===!0){var s=2&this.__$f;if(!(a||s||4&this.__$f)||1&this.__$f)return!0}else if(!(a||4&this.__$f)||3&this.__$f)return!0;for(var i in e)if(i!=="__source"&&e[i]!==this.props[i])return!0;for(var l in this.props)if(!(l in e))return!0;return!1};function fi(e,t){return Bt(function(){return A(e,t)},[])}var hi=function(e){queueMicrotask(function(){queueMicrotask(e)})};function gi(){Me(function(){for(var e;e=uo.shift();)po.call(e)})}function fo(){uo.push(this)===1&&(z.requestAnimationFrame||hi)(gi)}var ho="parley_csrf",bi="X-CSRF-Token",it=go(ho);function go(e){for(let t of document.cookie.split(";")){let[n,...a]=t.trim().split("=");if(n===e)return decodeURIComponent(a.join("="))}return""}var lt=class extends Error{constructor(t,n){super(n?.detail||n?.title||`Request failed (${t})`),this.status=t,this.code=n?.code||"",this.reason=n?.reason||"",this.fields=n?.errors||[]}};async function Ee(e,t,{body:n,query:a,headers:r={},raw:s}={}){let i=t;if(a){let d=new URLSearchParams;for(let[g,v]of Object.entries(a))v==null||v===""||(Array.isArray(v)?v.forEach(x=>d.append(g,x)):d.set(g,String(v)));let u=d.toString();u&&(i+="?"+u)}let l={Accept:"application/json",...r};e!=="GET"&&e!=="HEAD"&&(it||(it=go(ho)),it&&(l[bi]=it));let p;s!==void 0?p=s:n!==void 0&&(l["Content-Type"]="application/json",p=JSON.stringify(n));let f;try{f=await fetch(i,{method:e,headers:l,body:p,credentials:"same-origin"})}catch{throw new lt(0,{detail:"The server cannot be reached. Check your connection."})}if(f.status===204)return null;let c=await f.text(),m=null;if(c)try{m=JSON.parse(c)}catch{m=null}if(!f.ok){let d=new lt(f.status,m);throw f.status===401&&Jn&&!t.endsWith("/auth/login")&&Jn(d),d}return m}var Jn=null;function bo(e){Jn=e}var E=(e,t)=>Ee("GET",e,{query:t}),R=(e,t,n)=>Ee("POST",e,{body:t,query:n}),Ae=(e,t)=>Ee("PATCH",e,{body:t}),rt=(e,t)=>Ee("PUT",e,{body:t}),ge=e=>Ee("DELETE",e);async function st(e,t={},n=1e3){let a=[],r="";do{let s=await E(e,{...t,limit:200,cursor:r});a.push(...s.items||[]),r=s.next_cursor||""}while(r&&a.length<n);return a}async function vo(e,t,n){let a=await R("/api/v1/auth/login",{email:e,password:t,workspace:n||void 0});return it=a.csrf_token,a}async function xo(){try{await R("/api/v1/auth/logout")}finally{it=""}}var B=e=>`/api/v1/conversations/${encodeURIComponent(e)}`,b={conversations:e=>st("/api/v1/conversations",e),conversation:e=>E(B(e)),messages:(e,t)=>E(B(e)+"/messages",t),context:(e,t)=>E(B(e)+"/context",t),send:(e,t)=>R(B(e)+"/messages",t),assign:(e,t)=>R(B(e)+"/assign",t?{agent_id:t}:void 0),transfer:(e,t,n)=>R(B(e)+"/transfer",{from_agent_id:t||void 0,to_agent_id:n}),unassign:(e,t)=>R(B(e)+"/unassign",t?{from_agent_id:t}:void 0),resolve:e=>R(B(e)+"/resolve"),reopen:e=>R(B(e)+"/reopen"),markRead:(e,t)=>R(B(e)+"/read",{seq:t}),unread:e=>E(B(e)+"/unread"),readStates:e=>E(B(e)+"/read-states"),upload:(e,t)=>Ee("POST",B(e)+"/attachments",{query:{filename:t.name},headers:{"Content-Type":t.type||"application/octet-stream"},raw:t}),attachmentURL:e=>`/api/v1/attachments/${encodeURIComponent(e)}`,contact:e=>E(`/api/v1/contacts/${encodeURIComponent(e)}`),agents:()=>st("/api/v1/agents"),createAgent:e=>R("/api/v1/agents",e),updateAgent:(e,t)=>Ae(`/api/v1/agents/${encodeURIComponent(e)}`,t),inboxes:()=>st("/api/v1/inboxes"),createInbox:e=>R("/api/v1/inboxes",e),updateInbox:(e,t)=>Ae(`/api/v1/inboxes/${encodeURIComponent(e)}`,t),tokens:()=>st("/api/v1/tokens"),createToken:e=>R("/api/v1/tokens",e),revokeToken:e=>ge(`/api/v1/tokens/${encodeURIComponent(e)}`),contextEndpoints:()=>E("/api/v1/context-endpoints").then(e=>e.items),createContextEndpoint:e=>R("/api/v1/context-endpoints",e),rotateContextSecret:e=>R(`/api/v1/context-endpoints/${encodeURIComponent(e)}/secret`),deleteContextEndpoint:e=>ge(`/api/v1/context-endpoints/${encodeURIComponent(e)}`),webhooks:()=>st("/api/v1/webhooks"),webhookEventTypes:()=>E("/api/v1/webhooks/event-types").then(e=>e.items),createWebhook:e=>R("/api/v1/webhooks",e),updateWebhook:(e,t)=>Ae(`/api/v1/webhooks/${encodeURIComponent(e)}`,t),deleteWebhook:e=>ge(`/api/v1/webhooks/${encodeURIComponent(e)}`),rotateWebhookSecret:e=>R(`/api/v1/webhooks/${encodeURIComponent(e)}/rotate-secret`),pingWebhook:e=>R(`/api/v1/webhooks/${encodeURIComponent(e)}/ping`),webhookDeliveries:e=>E(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries`,{limit:25}).then(t=>t.items),webhookDelivery:(e,t)=>E(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}`),redeliverWebhook:(e,t)=>R(`/api/v1/webhooks/${encodeURIComponent(e)}/deliveries/${encodeURIComponent(t)}/redeliver`),teams:()=>E("/api/v1/teams").then(e=>e.items),createTeam:e=>R("/api/v1/teams",e),updateTeam:(e,t)=>Ae(`/api/v1/teams/${encodeURIComponent(e)}`,t),deleteTeam:e=>ge(`/api/v1/teams/${encodeURIComponent(e)}`),queues:()=>E("/api/v1/queues").then(e=>e.items),createQueue:e=>R("/api/v1/queues",e),updateQueue:(e,t)=>Ae(`/api/v1/queues/${encodeURIComponent(e)}`,t),deleteQueue:e=>ge(`/api/v1/queues/${encodeURIComponent(e)}`),setBusinessHours:(e,t)=>rt(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`,t),deleteBusinessHours:e=>ge(`/api/v1/queues/${encodeURIComponent(e)}/business-hours`),routingRules:()=>E("/api/v1/routing-rules").then(e=>e.rules),setRoutingRules:e=>rt("/api/v1/routing-rules",{rules:e}),moveToQueue:(e,t)=>R(B(e)+"/queue",t),apps:()=>st("/api/v1/apps"),app:e=>E(`/api/v1/apps/${encodeURIComponent(e)}`),installApp:e=>R("/api/v1/apps",e),disableApp:e=>R(`/api/v1/apps/${encodeURIComponent(e)}/disable`),enableApp:e=>R(`/api/v1/apps/${encodeURIComponent(e)}/enable`),uninstallApp:e=>ge(`/api/v1/apps/${encodeURIComponent(e)}`),audit:e=>E("/api/v1/audit-log",{limit:50,cursor:e}),presence:e=>rt("/api/v1/me/presence",{status:e}),snooze:(e,t)=>R(B(e)+"/snooze",t?{until:t}:void 0),unsnooze:e=>R(B(e)+"/unsnooze"),setPriority:(e,t)=>R(B(e)+"/priority",{priority:String(t)}),canned:()=>E("/api/v1/canned-responses"),renderCanned:(e,t)=>R(`/api/v1/canned-responses/${encodeURIComponent(e)}/render`,{conversation_id:t}),labels:()=>E("/api/v1/labels"),conversationLabels:e=>E(B(e)+"/labels"),addLabel:(e,t)=>rt(B(e)+"/labels/"+encodeURIComponent(t)),removeLabel:(e,t)=>ge(B(e)+"/labels/"+encodeURIComponent(t)),search:(e,t)=>E("/api/v1/search",{q:e,type:"messages",limit:25,cursor:t})};var Ye=A("connecting"),Zn=new Set,Ne=new Map,be=null,It=1e3,Xn=0,vi=1,At=!0,ct=new Map;function dt(e){return Zn.add(e),()=>Zn.delete(e)}function yo(){At&&(At=!1,ea())}function $o(){At=!0,clearTimeout(Xn),Ne.clear(),be&&be.close(1e3),be=null}function ea(){Ye.value="connecting";let e=location.protocol==="https:"?"wss:":"ws:",t=new WebSocket(`${e}//${location.host}/api/v1/realtime`);be=t,t.onopen=()=>t.send(JSON.stringify({type:"auth"})),t.onmessage=n=>{let a;try{a=JSON.parse(n.data)}catch{return}if(a.type==="ready"){Ye.value="online",It=1e3,Re({type:"subscribe_feed"}).catch(()=>{});for(let[r,s]of Ne)Re({type:"subscribe",conversation_id:r,after_seq:s}).catch(()=>{})}if(a.type==="message"&&a.message){let r=Ne.get(a.conversation_id);r!==void 0&&a.message.seq>r&&Ne.set(a.conversation_id,a.message.seq)}if(a.type==="subscribed"){let r=Ne.get(a.conversation_id);r!==void 0&&Ne.set(a.conversation_id,Math.max(r,a.last_seq))}if(a.id&&ct.has(a.id)){let r=ct.get(a.id);ct.delete(a.id),a.type==="error"?r.reject(a):r.resolve(a)}for(let r of Zn)try{r(a)}catch(s){console.error(s)}},t.onclose=n=>{if(be!==t)return;be=null;for(let r of ct.values())r.reject({code:"unavailable",message:"disconnected"});if(ct.clear(),At||(Ye.value="offline",n.code===1008&&n.reason==="no session cookie"))return;let a=Math.min(It,3e4)*(.8+Math.random()*.4);It=Math.min(It*2,3e4),Xn=setTimeout(ea,a)}}function _o(){At||be||(clearTimeout(Xn),It=1e3,ea())}function Re(e){return new Promise((t,n)=>{if(!be||be.readyState!==WebSocket.OPEN||Ye.value!=="online"){n({code:"unavailable",message:"not connected"});return}let a="c"+vi++;ct.set(a,{resolve:t,reject:n}),be.send(JSON.stringify({...e,id:a}))})}function ta(e,t){let n=Ne.get(e);n!==void 0&&n>=t||(Ne.set(e,t),Ye.value==="online"&&Re({type:"subscribe",conversation_id:e,after_seq:t}).catch(()=>{}))}var wo=e=>Ne.has(e);function ko(e,t){Re({type:"typing",conversation_id:e,note:!!t}).catch(()=>{})}var So="parley.console.sound",Le=A(typeof Notification>"u"?"unsupported":Notification.permission),Et=A(localStorage.getItem(So)!=="off"),pe=null;async function To(){if(na(),!(typeof Notification>"u"))try{Le.value=await Notification.requestPermission()}catch{Le.value=Notification.permission}}function Io(e){Et.value=e,localStorage.setItem(So,e?"on":"off"),e&&na()}function na(){let e=window.AudioContext||window.webkitAudioContext;e&&(pe||(pe=new e),pe.state==="suspended"&&pe.resume().catch(()=>{}))}function Ao(e){e.isTrusted&&Et.value&&pe?.state!=="running"&&na()}document.addEventListener("pointerdown",Ao,!0);document.addEventListener("keydown",Ao,!0);function xi(){if(!Et.value||!pe||pe.state!=="running")return;let e=pe.currentTime;[[880,0],[1318.5,.12]].forEach(([t,n])=>{let a=pe.createOscillator(),r=pe.createGain();a.type="sine",a.frequency.value=t,r.gain.setValueAtTime(1e-4,e+n),r.gain.exponentialRampToValueAtTime(.18,e+n+.02),r.gain.exponentialRampToValueAtTime(1e-4,e+n+.35),a.connect(r).connect(pe.destination),a.start(e+n),a.stop(e+n+.4)})}function aa(e,t,n){if(document.hidden&&(xi(),Le.value==="granted"))try{let a=new Notification(e,{body:t.slice(0,140),tag:n,icon:void 0});a.onclick=()=>{window.focus(),window.dispatchEvent(new CustomEvent("parley:navigate",{detail:n})),a.close()}}catch{}}var J=A(null),ua=A(!1),X=A({}),ue=A({}),oe=A({}),ie=A({}),de=A([]),Ze=A([]),V=A({}),Oe=A({}),ve=A({}),pt=A({}),en=A(!0),yl=ne(()=>{let e=ae.value[mt("resolved")];return!!e&&!e.loading}),ut=A([]),on=A(null),Xt=!1;function Do(){Xt||(Xt=!0,Promise.all([b.queues(),b.teams()]).then(([e,t])=>{on.value={queues:e,teams:t}}).catch(()=>{Xt=!1}))}function Dt(){Xt=!1,on.value=null}var xe=A(""),ce=ne(()=>J.value?.agent?.id||""),ye=ne(()=>J.value?.agent?.role||""),yi=ne(()=>new Set(J.value?.scopes||[])),ma=e=>yi.value.has(e),tn=e=>{let t=/^(.*?)(?:\.(\d+))?Z$/.exec(e||"");return t?t[1]+"."+(t[2]||"").padEnd(9,"0"):e||""},nn=(e,t)=>e<t?-1:e>t?1:0,Zt=(e,t)=>nn(tn(t.updated_at),tn(e.updated_at))||nn(t.id,e.id),$i=(e,t)=>nn(tn(e.created_at),tn(t.created_at))||nn(e.id,t.id),zo=A(Date.now());setInterval(()=>{zo.value=Date.now()},3e4);var Ge=e=>!!e.snoozed_until_reply||!!e.snoozed_until&&Date.parse(e.snoozed_until)>Date.now(),Eo=e=>e.status==="pending"||e.status==="assigned",fa={queue:{member:e=>e.status==="pending"&&!Ge(e),order:$i,query:()=>({status:"pending",snoozed:"false",sort:"oldest"})},mine:{member:e=>e.status==="assigned"&&e.assignee_id===ce.value&&!Ge(e),order:Zt,query:()=>({status:"assigned",assignee_id:ce.value,snoozed:"false",sort:"last_activity"})},open:{member:e=>Eo(e)&&!Ge(e),order:Zt,query:()=>({status:"pending,assigned",snoozed:"false",sort:"last_activity"})},snoozed:{member:e=>Eo(e)&&Ge(e),order:Zt,query:()=>({status:"pending,assigned",snoozed:"true",sort:"last_activity"})},resolved:{member:e=>e.status==="resolved",order:Zt,query:()=>({status:"resolved",sort:"last_activity"})}},_i=100,ae=A({}),$e=A(""),De=A(""),qo=()=>!!($e.value||De.value),mt=e=>qo()?`${e}#${$e.value}#${De.value}`:e;function wi(e,t){let n=ae.value[mt(e)];return n?qo()?!!n.ids?.has(t.id):n.done||!n.edge?n.done:fa[e].order(t,n.edge)<=0:!1}var Xe=ne(()=>{zo.value;let e=Object.values(X.value),t={};for(let[n,a]of Object.entries(fa))t[n]=e.filter(r=>a.member(r)&&wi(n,r)).sort(a.order);return t}),Po=e=>{let t=ae.value[mt(e)];return!t||!t.done},Mo=e=>{let t=ae.value[mt(e)];return!!t&&!t.loading};function Lo(e){ae.value[mt(e)]||Je(e)}function ha(e,t,n){let a={...ae.value};for(let[r,s]of Object.entries(a)){if(!r.includes("#"+t+"#")||!s.ids)continue;let i=new Set(s.ids);n?i.add(e):i.delete(e),a[r]={...s,ids:i}}ae.value=a}async function Je(e){let t=fa[e],n=mt(e),a=$e.value,r=De.value,s=ae.value[n];if(!t||s?.done||s?.loading)return;ae.value={...ae.value,[n]:{...s,loading:!0}};let i={...s,loading:!1};try{let l=await E("/api/v1/conversations",{...t.query(),label_id:a||void 0,priority:r||void 0,limit:_i,cursor:s?.cursor||void 0}),p=l.items||[];Me(()=>{for(let m of p)je(m)});let f=p[p.length-1];i={cursor:l.next_cursor||"",done:!l.next_cursor,loading:!1,edge:f?{...f}:s?.edge,ids:a||r?new Set([...s?.ids||[],...p.map(m=>m.id)]):void 0};let c=p.filter(ba);for(let m of c)Oo(m);rn(c.map(m=>m.id))}catch(l){w(l,"Could not load conversations")}finally{ae.value={...ae.value,[n]:i}}}var $l=ne(()=>Xe.value.mine.reduce((e,t)=>e+(oe.value[t.id]||0),0)),ki=0;function S(e,t="info"){let n=++ki;ut.value=[...ut.value,{id:n,text:e,kind:t}],setTimeout(()=>ga(n),t==="error"?8e3:4e3)}function ga(e){ut.value=ut.value.filter(t=>t.id!==e)}function w(e,t){let n=e instanceof lt||e?.message?e.message:String(e),a=(e?.fields||[]).map(r=>r.message).filter(Boolean);a.length&&(n=a.join("; ")),S(t?`${t}: ${n}`:n,"error")}function je(e){if(!e?.id)return;let t=X.value[e.id];if(t&&t.updated_at>e.updated_at)return;let n={...t,...e};if(e.status)for(let a of["snoozed_until","snoozed_until_reply","waiting_since"])a in e||delete n[a];X.value={...X.value,[e.id]:n}}var ba=e=>e.status==="pending"||e.status==="assigned";async function Uo(){en.value=!0,yo();try{let[e,t]=await Promise.all([b.agents().catch(()=>[]),b.inboxes().catch(()=>[]),Je("queue"),Je("mine"),Je("open")]);Me(()=>{de.value=e,Ze.value=t})}finally{en.value=!1}}function sn(){$o(),pa.clear(),Dt(),Me(()=>{J.value=null,X.value={},ue.value={},oe.value={},ie.value={},V.value={},Oe.value={},ae.value={},$e.value="",De.value="",xe.value=""})}function Oo(e){ba(e)&&ta(e.id,Math.max(0,e.last_seq-1))}var an=[],da=new Set,Nt={},oa=0,va=e=>xe.value===e&&!document.hidden;function rn(e){for(let t of e)da.has(t)||(da.add(t),an.push(t));for(;oa<4&&an.length;)oa++,Ci().finally(()=>{oa--})}async function Ci(){for(;an.length;){let e=an.shift();da.delete(e);let t=Nt[e]=(Nt[e]||0)+1;try{let n=await b.unread(e);Nt[e]===t&&!va(e)&&(oe.value={...oe.value,[e]:n.count})}catch{}}}var pa=new Map,sa=new Map;function _e(e,t=!1){if(!e)return;let n=pa.get(e);if(!(n!==void 0&&!t)){if(n!==void 0&&Date.now()-n<3e3){sa.has(e)||sa.set(e,setTimeout(()=>{sa.delete(e),_e(e,!0)},3e3-(Date.now()-n)));return}pa.set(e,Date.now()),b.contact(e).then(a=>{ie.value={...ie.value,[e]:a}},()=>{ie.value[e]||(ie.value={...ie.value,[e]:{id:e,missing:!0}})})}}var jo=e=>{let t=ie.value[e];return!!t&&!t.missing&&!t.name};function me(e){let t=ie.value[e];return!t||t.missing?"Visitor "+(e||"").slice(-6):t.name||t.email||t.attributes?.unverified_email||t.external_id||t.phone||"Visitor "+e.slice(-6)}function Fe(e){return e?e===ce.value?"you":de.value.find(t=>t.id===e)?.name||"an agent":""}function ze(e){let t=Ze.value.find(n=>n.id===e)?.name;return!t&&e&&Si(),t||""}var ia=null,No=0;function Si(){ia||Date.now()-No<1e4||(ia=b.inboxes().then(e=>{Ze.value=e},()=>{}).finally(()=>{ia=null,No=Date.now()}))}function ln(e,t){let n=new Map(e.map(a=>[a.seq,a]));for(let a of t)n.set(a.seq,a);return[...n.values()].sort((a,r)=>a.seq-r.seq)}async function cn(e,t=0){xe.value=e;let n=X.value[e];try{n||(n=await b.conversation(e),je(n)),_e(n.contact_id,!0);let r=(await b.messages(e,{before_seq:n.last_seq+1,limit:50})).items||[];V.value={...V.value,[e]:ln(V.value[e]||[],r)};let s=r[r.length-1];s&&!(ue.value[e]?.seq>=s.seq)&&(ue.value={...ue.value,[e]:s}),Oe.value={...Oe.value,[e]:r.length>0&&r[0].seq>1&&r.length===50},ta(e,r.length?r[r.length-1].seq:n.last_seq),b.readStates(e).then(i=>{let l=(i.items||[]).find(p=>p.participant.type==="contact");l&&(pt.value={...pt.value,[e]:l.last_read_seq})}).catch(()=>{}),zt(e);for(let i=0;t&&i<100;i++){let l=V.value[e]||[];if(!l.length||l[0].seq<=t||!Oe.value[e])break;await xa(e)}}catch(a){w(a,"Could not open the conversation")}}async function xa(e){let t=V.value[e]||[];if(t.length)try{let a=(await b.messages(e,{before_seq:t[0].seq,limit:50})).items||[];V.value={...V.value,[e]:ln(V.value[e]||[],a)},Oe.value={...Oe.value,[e]:a.length===50&&a[0].seq>1}}catch(n){w(n,"Could not load earlier messages")}}var ra={};function zt(e){if(document.hidden||xe.value!==e)return;let t=V.value[e]||[],n=X.value[e],a=Math.max(t.length?t[t.length-1].seq:0,n?.last_seq||0);a>0&&(ra[e]||0)<a&&(ra[e]=a,Re({type:"read",conversation_id:e,seq:a}).catch(()=>b.markRead(e,a)).catch(()=>{ra[e]=0})),Nt[e]=(Nt[e]||0)+1,oe.value[e]&&(oe.value={...oe.value,[e]:0})}function ya(e){let t=e.conversation_id;V.value[t]&&(V.value={...V.value,[t]:ln(V.value[t],[e])}),ue.value={...ue.value,[t]:e}}function Ti(e){let t=e.message,n=e.conversation_id,a=X.value[n],r=a&&t.seq>a.last_seq,s=t.sender?.type==="agent"&&t.sender.id===ce.value;if(Me(()=>{V.value[n]&&(V.value={...V.value,[n]:ln(V.value[n],[t])});let i=ue.value[n];if((!i||i.seq<=t.seq)&&(ue.value={...ue.value,[n]:t}),r&&(X.value={...X.value,[n]:{...a,last_seq:t.seq,updated_at:t.created_at>a.updated_at?t.created_at:a.updated_at}}),t.sender?.type==="contact"){let l={...ve.value};delete l[n],ve.value=l}}),a&&t.sender?.type==="contact"&&jo(a.contact_id)&&_e(a.contact_id,!0),!(!r||s||t.kind==="event")){if(va(n)){zt(n);return}oe.value={...oe.value,[n]:(oe.value[n]||0)+1},rn([n]),a.status==="assigned"&&a.assignee_id===ce.value&&t.sender?.type==="contact"&&aa(`New message from ${me(a.contact_id)}`,t.body||"Sent a file",`/console/mine/${n}`)}}function Ro(e,t){let n=X.value[e.id];je(e),_e(e.contact_id,jo(e.contact_id)),ba(e)&&!wo(e.id)&&(Oo(e),rn([e.id])),t==="conversation.queued"&&(!n||n.status!=="pending")&&aa("New conversation waiting",`${me(e.contact_id)} is waiting in the queue`,`/console/queue/${e.id}`)}dt(e=>{switch(e.type){case"message":e.message&&Ti(e);break;case"message.updated":case"message.deleted":e.message&&ya(e.message);break;case"conversation":e.conversation&&Ro(e.conversation,e.event);break;case"event":e.event?.payload?.conversation&&Ro(e.event.payload.conversation,e.event.type);break;case"subscribed":if(e.conversation){let t=X.value[e.conversation.id]?.last_seq||0;je(e.conversation),e.conversation.last_seq>t&&!va(e.conversation.id)&&rn([e.conversation.id])}break;case"typing":(e.by?.type==="contact"||e.by?.id!==ce.value)&&(ve.value={...ve.value,[e.conversation_id]:{at:Date.now(),by:e.by}});break;case"read":e.participant?.type==="contact"&&(pt.value={...pt.value,[e.conversation_id]:e.last_read_seq});break}});document.addEventListener("visibilitychange",()=>{!document.hidden&&xe.value&&zt(xe.value)});async function $a(){try{let e=await E("/api/v1/me");if(e.kind!=="agent"){J.value=null;return}J.value=e}catch{J.value=null}finally{ua.value=!0}}var Rt=A(null),la=null;function Fo(){Rt.value||la||(la=b.canned().then(e=>{Rt.value=e.items||[]},()=>{Rt.value=[]}).finally(()=>{la=null}))}var Ue=A(null),ca=null;function dn(e=!1){Ue.value&&!e||ca||(ca=b.labels().then(t=>{Ue.value=t.items||[]},()=>{Ue.value||(Ue.value=[])}).finally(()=>{ca=null}))}var P="/console",pn=A(location.pathname),et=ne(()=>{let e=pn.value.slice(P.length).split("/").filter(Boolean).map(decodeURIComponent);return e[0]==="visitors"?{section:"visitors"}:e[0]==="admin"?{section:"admin",page:e[1]||"agents",id:e[2]||""}:e[0]==="reports"?{section:"reports"}:e[0]==="search"?{section:"search",q:e[1]||"",conversation:e[2]||"",seq:Number(e[3])||0}:{section:"inbox",list:["queue","mine","open","snoozed","resolved"].includes(e[0])?e[0]:"queue",conversation:e[1]||""}});function K(e,{replace:t=!1}={}){e!==pn.value&&(t?history.replaceState(null,"",e):history.pushState(null,"",e),pn.value=e)}var fe=(e,t)=>`${P}/${e}${t?"/"+encodeURIComponent(t):""}`;window.addEventListener("popstate",()=>{pn.value=location.pathname});window.addEventListener("parley:navigate",e=>K(e.detail));var _a=(e,t,n)=>`${P}/search/${encodeURIComponent(e)}${t?"/"+encodeURIComponent(t)+(n?"/"+n:""):""}`;var we=A({}),ft=ne(()=>we.value.product_name||"Parley");async function Wo(){try{we.value=await E("/api/v1/branding")}catch{}}Ie(()=>{let e=we.value;document.title=`${ft.value} console`;let t=document.documentElement.style;e.color?(t.setProperty("--accent",e.color),t.setProperty("--accent-hover",e.color)):(t.removeProperty("--accent"),t.removeProperty("--accent-hover"))});var Q=e=>({size:t=18}={})=>o`
  <svg class="icon" width=${t} height=${t} viewBox="0 0 24 24" fill="none" stroke="currentColor"
    stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${e}</svg>`,un=Q(o`<path d="M22 12h-6l-2 3h-4l-2-3H2"/><path d="M5.45 5.11 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.45-6.89A2 2 0 0 0 16.76 4H7.24a2 2 0 0 0-1.79 1.11z"/>`),mn=Q(o`<path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2"/><circle cx="12" cy="7" r="4"/>`),ht=Q(o`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>`),fn=Q(o`<path d="M20 6 9 17l-5-5"/>`),hn=Q(o`<path d="M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2"/><circle cx="9" cy="7" r="4"/><path d="M23 21v-2a4 4 0 0 0-3-3.87"/><path d="M16 3.13a4 4 0 0 1 0 7.75"/>`),wa=Q(o`<circle cx="7.5" cy="15.5" r="5.5"/><path d="m21 2-9.6 9.6"/><path d="m15.5 7.5 3 3L22 7l-3-3"/>`),qt=Q(o`<path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01"/>`),ka=Q(o`<path d="M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z"/><path d="M19.4 15a1.65 1.65 0 0 0 .33 1.82l.06.06a2 2 0 1 1-2.83 2.83l-.06-.06a1.65 1.65 0 0 0-1.82-.33 1.65 1.65 0 0 0-1 1.51V21a2 2 0 1 1-4 0v-.09A1.65 1.65 0 0 0 9 19.4a1.65 1.65 0 0 0-1.82.33l-.06.06a2 2 0 1 1-2.83-2.83l.06-.06A1.65 1.65 0 0 0 4.68 15a1.65 1.65 0 0 0-1.51-1H3a2 2 0 1 1 0-4h.09A1.65 1.65 0 0 0 4.6 9a1.65 1.65 0 0 0-.33-1.82l-.06-.06a2 2 0 1 1 2.83-2.83l.06.06A1.65 1.65 0 0 0 9 4.68a1.65 1.65 0 0 0 1-1.51V3a2 2 0 1 1 4 0v.09a1.65 1.65 0 0 0 1 1.51 1.65 1.65 0 0 0 1.82-.33l.06-.06a2 2 0 1 1 2.83 2.83l-.06.06A1.65 1.65 0 0 0 19.4 9a1.65 1.65 0 0 0 1.51 1H21a2 2 0 1 1 0 4h-.09a1.65 1.65 0 0 0-1.51 1z"/>`),Ho=Q(o`<path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48"/>`),gn=Q(o`<path d="m22 2-7 20-4-9-9-4Z"/><path d="M22 2 11 13"/>`),gt=Q(o`<rect x="3" y="11" width="18" height="11" rx="2"/><path d="M7 11V7a5 5 0 0 1 10 0v4"/>`),Bo=Q(o`<path d="M18 8A6 6 0 0 0 6 8c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.73 21a2 2 0 0 1-3.46 0"/>`),Vo=Q(o`<path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4"/><path d="m16 17 5-5-5-5"/><path d="M21 12H9"/>`),bn=Q(o`<path d="M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z"/><path d="m9 12 2 2 4-4"/>`),Ko=Q(o`<path d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z"/><path d="M14 2v6h6"/>`),bt=Q(o`<path d="M18 6 6 18M6 6l12 12"/>`),he=Q(o`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`),Qo=Q(o`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="M6 8h.01M10 8h.01M14 8h.01M18 8h.01M8 12h.01M12 12h.01M16 12h.01M7 16h10"/>`),vn=Q(o`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`),xn=Q(o`<path d="M21 12a9 9 0 1 1-3-6.7L21 8"/><path d="M21 3v5h-5"/>`),yn=()=>o`
  <svg class="logo-mark" width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="9" class="logo-bg"/>
    <path d="M9 11.5A3.5 3.5 0 0 1 12.5 8h7a3.5 3.5 0 0 1 3.5 3.5v5a3.5 3.5 0 0 1-3.5 3.5H15l-4.2 3.4c-.5.4-1.1 0-1.1-.6V20A3.5 3.5 0 0 1 9 16.5z" class="logo-fg"/>
  </svg>`;function $n(){let e=we.value.logo_url;return o`${e?o`<img class="brand-logo" src=${e} alt="" data-brand-logo />`:o`<${yn} />`}<span data-product-name>${ft.value}</span>`}var Ii={oidc_state:"That sign-in expired or was started in another browser. Please try again.",oidc_unavailable:"The identity provider cannot be reached. Try again later.",oidc_id_token:"The identity provider’s answer could not be verified. Ask an administrator.",oidc_off:"Single sign-on is not set up for this workspace.",oidc_provider_error:"The identity provider did not sign you in.",no_account:"You have no account in this workspace yet. Ask an administrator to create yours.",no_role:"Your identity gives you no role in this workspace. Ask an administrator.",identity_invalid:"Your identity has no email address Parley can use, or is linked to another account.",unauthorized:"Your account cannot sign in. It may be disabled.",rate_limited:"Too many sign-ins from your address. Try again later."},Ca=null;function Yo(e){Ca=e}function Go({onLoggedIn:e}){let t=new URLSearchParams(location.search),[n,a]=h(""),[r,s]=h(""),[i,l]=h(t.get("workspace")||""),[p,f]=h(!!t.get("workspace")),[c,m]=h(()=>{let y=t.get("signin_error");return y?Ii[y]||"Single sign-on failed. Please try again.":""}),[d,u]=h(!1),[g,v]=h(null),[x]=h(()=>{let y=Ca;return Ca=null,y});$(()=>{let y=i.trim(),D=setTimeout(()=>{E("/api/v1/auth/options",y?{workspace:y}:void 0).then(N=>{v(N),we.value=N.branding||{}}).catch(()=>v({password:"local",oidc:{}}))},y?300:0);return()=>clearTimeout(D)},[i]);async function _(y){y.preventDefault(),u(!0),m("");try{await vo(n.trim(),r,i.trim()),await e()}catch(D){m(D.status===401?"The email or password is not right.":D.message),u(!1)}}let k=we.value,T=g?.password!=="off",I=g?.oidc?.enabled;return o`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${_} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${$n} /></div>
        <h1 id="login-title">${k.sign_in_title||`Sign in to ${ft.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${x&&o`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${ft.value}.
          ${x.endSessionURL&&o` <a href=${x.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${c&&o`<div class="form-error" role="alert" id="login-error">${c}</div>`}
        ${I&&o`
          <a class="button primary block sso-button" id="sso-button" href=${g.oidc.start_url}>${g.oidc.button_label}</a>
          ${T&&o`<div class="login-or" aria-hidden="true"><span>or</span></div>`}`}
        ${T&&o`
          <label class="field">
            <span>Email</span>
            <input type="email" name="email" autocomplete="username" required autofocus
              value=${n} onInput=${y=>a(y.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password</span>
            <input type="password" name="password" autocomplete="current-password" required
              value=${r} onInput=${y=>s(y.currentTarget.value)} />
          </label>`}
        ${p?o`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${i} placeholder="default"
              onInput=${y=>l(y.currentTarget.value)} />
          </label>`:o`
          <button type="button" class="link-button" onClick=${()=>f(!0)}>Sign in to another workspace</button>`}
        ${T&&o`
          <button type="submit" class=${"button block"+(I?"":" primary")} disabled=${d||!n||!r}>
            ${d?"Signing in…":"Sign in"}
          </button>`}
        ${g&&!T&&!I&&o`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`}var Ai=[["year",31536e3],["month",2592e3],["week",604800],["day",86400],["hour",3600],["minute",60]],Ei=new Intl.RelativeTimeFormat(void 0,{numeric:"auto",style:"short"});function M(e,t=Date.now()){if(!e)return"";let n=Math.round((new Date(e).getTime()-t)/1e3);if(Math.abs(n)<45)return"now";for(let[a,r]of Ai)if(Math.abs(n)>=r||a==="minute")return Ei.format(Math.round(n/r),a);return""}function Sa(e){let t=new Date(e),n=new Date,a={hour:"2-digit",minute:"2-digit"};return t.toDateString()!==n.toDateString()&&Object.assign(a,{month:"short",day:"numeric"}),t.toLocaleString(void 0,a)}var Y=e=>e?new Date(e).toLocaleString():"";function _n(e){return e<1024?`${e} B`:e<1024*1024?`${(e/1024).toFixed(e<10240?1:0)} KB`:`${(e/1024/1024).toFixed(1)} MB`}function Jo(e){let t=(e||"?").trim().split(/\s+/).filter(Boolean);return((t[0]?.[0]||"?")+(t.length>1?t[t.length-1][0]:"")).toUpperCase()}function Zo(e){let t=0;for(let n of e||"")t=(t*31+n.charCodeAt(0))%360;return t}function vt(e=3e4){let[t,n]=h(Date.now());return $(()=>{let a=setInterval(()=>n(Date.now()),e);return()=>clearInterval(a)},[e]),t}function ke({id:e,name:t,size:n="md",url:a}){return a?o`<img class=${`avatar avatar-${n} avatar-img`} src=${a} alt="" referrerpolicy="no-referrer" />`:o`<span class=${`avatar avatar-${n} av-${Zo(e)%8}`} aria-hidden="true">${Jo(t)}</span>`}var Pt={queue:"Queue",mine:"Mine",open:"All open",snoozed:"Snoozed",resolved:"Resolved"};var Ni={queue:["The queue is empty","New conversations waiting for an agent appear here as they arrive.",un],mine:["Nothing assigned to you","Take a conversation from the queue to start helping.",mn],open:["No open conversations","Every conversation is resolved. Nice work.",ht],snoozed:["Nothing snoozed","Snoozed conversations wait here until their time comes or the visitor writes.",vn],resolved:["No resolved conversations yet","Conversations you resolve are kept here.",fn]};function Xo({list:e,items:t,loading:n,selected:a}){vt();let[r,s,i]=Ni[e],l=Po(e);return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">${Pt[e]}</h1>
        <span class="muted small" aria-live="polite">${n?"":`${t.length}${l?"+":""} conversation${t.length===1&&!l?"":"s"}`}</span>
      </header>
      <${Di} />
      ${n&&!t.length?o`
        <ul class="conv-list" aria-busy="true" aria-label="Loading">
          ${[0,1,2,3].map(p=>o`<li key=${p} class="conv-skeleton"><span></span><span></span></li>`)}
        </ul>`:t.length?o`
        <ul class="conv-list" aria-label=${Pt[e]+" conversations"}>
          ${t.map(p=>o`<${qi} key=${p.id} c=${p} list=${e} selected=${p.id===a} />`)}
          ${l&&o`<${zi} list=${e} count=${t.length} />`}
        </ul>`:o`
        <div class="empty small-empty">
          <div class="empty-icon"><${i} size=${22} /></div>
          <h2>${r}</h2>
          <p class="muted">${s}</p>
        </div>`}
    </section>`}var Ri={0:"None",1:"Low",2:"High",3:"Urgent"};function Di(){$(()=>{dn()},[]);let e=Ue.value||[];return o`
    <div class="list-filter">
      ${(e.length>0||$e.value)&&o`
        <label for="label-filter" class="muted small">Label</label>
        <select id="label-filter" class="select small" value=${$e.value}
          onChange=${t=>{$e.value=t.currentTarget.value}}>
          <option value="">Any label</option>
          ${e.map(t=>o`<option value=${t.id}>${t.name}</option>`)}
        </select>`}
      <label for="priority-filter" class="muted small">Priority</label>
      <select id="priority-filter" class="select small" value=${De.value}
        onChange=${t=>{De.value=t.currentTarget.value}}>
        <option value="">Any</option>
        <option value="urgent">Urgent</option>
        <option value="high,urgent">High or urgent</option>
        <option value="low">Low</option>
        <option value="none">None</option>
      </select>
    </div>`}function zi({list:e,count:t}){let n=Z(null),a=!!ae.value[e]?.loading;return $(()=>{let r=n.current;if(!r||a||typeof IntersectionObserver>"u")return;let s=new IntersectionObserver(i=>{i.some(l=>l.isIntersecting)&&Je(e)},{rootMargin:"400px 0px"});return s.observe(r),()=>s.disconnect()},[e,t,a]),o`
    <li class="conv-more" ref=${n}>
      <button type="button" class="button ghost small block" onClick=${()=>Je(e)} disabled=${a}
        aria-busy=${a?"true":void 0}>${a?"Loading…":"Load more conversations"}</button>
    </li>`}function qi({c:e,list:t,selected:n}){_e(e.contact_id);let a=me(e.contact_id),r=ue.value[e.id],s=oe.value[e.id]||0,i=ve.value[e.id]&&Date.now()-ve.value[e.id].at<5e3&&ve.value[e.id].by?.type==="contact",l="No messages yet";i?l="typing…":r&&(l=(r.sender?.type==="contact"?"":r.kind==="note"?"Note: ":"You: ")+(r.deleted_at?"Message deleted":r.body||(r.attachments?.length?`📎 ${r.attachments[0].name}`:"")));let p=fe(t,e.id),f=[ze(e.inbox_id),e.status==="assigned"&&t!=="mine"?"with "+Fe(e.assignee_id):""].filter(Boolean).join(" · "),c=e.priority>=2&&(Ri[e.priority]||"Priority "+e.priority);return o`
    <li>
      <a href=${p} class=${"conv-item"+(n?" selected":"")+(s?" has-unread":"")}
        aria-current=${n?"true":void 0} data-conversation=${e.id}
        onClick=${m=>{!m.metaKey&&!m.ctrlKey&&(m.preventDefault(),K(p))}}>
        <${ke} id=${e.contact_id} name=${a} />
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${a}</span>
            <time class="conv-time" datetime=${e.updated_at}>${M(e.updated_at)}</time>
          </span>
          <span class="conv-bottom">
            <span class=${"conv-preview"+(i?" typing":"")}>${l}</span>
            ${s>0&&o`<span class="badge badge-accent unread-badge" aria-label=${s+" unread"}>${s}</span>`}
          </span>
          ${(f||c)&&o`<span class="conv-meta">${c&&o`<span class=${"prio prio-"+e.priority}>${c}</span> `}${f}</span>`}
        </span>
      </a>
    </li>`}var es=()=>crypto.randomUUID?crypto.randomUUID():String(Date.now())+Math.random();function ts({conv:e}){let[t,n]=h("reply"),[a,r]=h(""),[s,i]=h([]),[l,p]=h(0),[f,c]=h(!1),m=Z(null),d=Z(null),u=Z(0),g=Z(es()),[v,x]=h(0),[_,k]=h(0),[T,I]=h("");if($(()=>{let C=U=>{(U.detail==="reply"||U.detail==="note")&&(n(U.detail),m.current?.focus())};return window.addEventListener("parley:command",C),()=>window.removeEventListener("parley:command",C)},[]),e.status==="resolved")return o`<div class="composer-closed muted">This conversation is resolved. Reopen it to reply.</div>`;let y=t==="note",D=/(^|\s)\/([a-z0-9_-]*)$/.exec(a.slice(0,v)),N=D?D[2]:null;N!==null&&Fo();let q=N===null||T===a?[]:(Rt.value||[]).filter(C=>C.shortcut.startsWith(N)||C.title.toLowerCase().includes(N)).slice(0,8),re=q.length>0,j=Math.min(_,q.length-1);async function ee(C){let U=v-N.length-1,se=C.body;try{se=(await b.renderCanned(C.id,e.id)).text}catch(xt){w(xt,"Could not fill in the canned response")}let Rn=a.slice(0,U)+se+a.slice(v);r(Rn);let Dn=U+se.length;x(Dn),k(0),requestAnimationFrame(()=>{let xt=m.current;xt&&(xt.focus(),xt.setSelectionRange(Dn,Dn))})}let le=!f&&l===0&&(a.trim()||!y&&s.length);async function te(){if(!le)return;c(!0);let C={client_id:g.current,body:a.trim()};y?C.kind="note":s.length&&(C.kind="attachment",C.attachment_ids=s.map(U=>U.id));try{let U=await b.send(e.id,C);ya(U),r(""),i([]),g.current=es(),zt(e.id),m.current?.focus()}catch(U){w(U,y?"The note was not saved":"The message was not sent")}finally{c(!1)}}async function Ys(C){for(let U of C){p(se=>se+1);try{let se=await b.upload(e.id,U);i(Rn=>[...Rn,se])}catch(se){w(se,`Could not upload ${U.name}`)}finally{p(se=>se-1)}}}function Gs(C){r(C.currentTarget.value),x(C.currentTarget.selectionStart),k(0);let U=Date.now();U-u.current>1500&&(u.current=U,ko(e.id,y))}function Js(C){if(re&&!C.isComposing){let U={ArrowDown:1,ArrowUp:-1};if(U[C.key]){C.preventDefault(),k((j+U[C.key]+q.length)%q.length);return}if(C.key==="Enter"||C.key==="Tab"){C.preventDefault(),ee(q[j]);return}if(C.key==="Escape"){C.preventDefault(),C.stopPropagation(),I(a);return}}C.key==="Enter"&&!C.shiftKey&&!C.isComposing&&(C.preventDefault(),te())}return o`
    <form class=${"composer"+(y?" composer-note":"")} onSubmit=${C=>{C.preventDefault(),te()}}
      aria-label=${y?"Write a private note":"Reply to the visitor"}>
      ${e.status==="pending"&&o`
        <div class="composer-hint">This conversation is waiting in the queue.${" "}<button type="button" class="link-button"
          onClick=${()=>wn(e)}>Take it</button> to let colleagues know you are on it.</div>`}
      <div class="composer-tabs" role="group" aria-label="Message type">
        <button type="button" class=${"tab"+(y?"":" active")} aria-pressed=${!y} onClick=${()=>{n("reply"),m.current?.focus()}}
          aria-keyshortcuts="r">Reply</button>
        <button type="button" class=${"tab tab-note"+(y?" active":"")} aria-pressed=${y} onClick=${()=>{n("note"),m.current?.focus()}}
          aria-keyshortcuts="n"><${gt} size=${13} /> Private note</button>
      </div>
      <label class="sr-only" for="composer-text">${y?"Private note, only agents see it":"Reply"}</label>
      ${re&&o`
        <ul class="canned-list" id="canned-list" role="listbox" aria-label="Canned responses">
          ${q.map((C,U)=>o`
            <li id=${"canned-"+C.id} role="option" aria-selected=${U===j?"true":"false"} data-shortcut=${C.shortcut}
              class=${"canned-option"+(U===j?" active":"")}
              onMouseDown=${se=>{se.preventDefault(),ee(C)}}>
              <span class="canned-shortcut">/${C.shortcut}</span> <span class="canned-title">${C.title}</span>
              <span class="canned-body muted">${C.body}</span>
            </li>`)}
        </ul>`}
      <textarea id="composer-text" ref=${m} rows="3" value=${a} onInput=${Gs} onKeyDown=${Js}
        onKeyUp=${C=>x(C.currentTarget.selectionStart)} onClick=${C=>x(C.currentTarget.selectionStart)}
        aria-autocomplete="list" aria-controls=${re?"canned-list":void 0}
        aria-activedescendant=${re?"canned-"+q[j].id:void 0}
        aria-describedby="composer-canned-tip"
        placeholder=${y?"Write a note only your team can see…":"Write a reply… (Enter to send, Shift+Enter for a new line)"}></textarea>
      <span id="composer-canned-tip" class="sr-only">Type / and a shortcut to insert a canned response.</span>
      ${(s.length>0||l>0)&&o`
        <ul class="staged" aria-label="Files to send">
          ${s.map(C=>o`<li class="chip">${C.name} <span class="muted">${_n(C.size)}</span>
            <button type="button" class="icon-button" aria-label=${"Remove "+C.name}
              onClick=${()=>i(s.filter(U=>U.id!==C.id))}><${bt} size=${14} /></button></li>`)}
          ${l>0&&o`<li class="chip muted" role="status">Uploading…</li>`}
        </ul>`}
      <div class="composer-bar">
        <input type="file" ref=${d} class="sr-only" tabindex="-1" aria-hidden="true" multiple
          onChange=${C=>{Ys([...C.currentTarget.files]),C.currentTarget.value=""}} />
        <button type="button" class="icon-button" aria-label="Attach a file" disabled=${y}
          title=${y?"Notes cannot carry files":"Attach a file"} onClick=${()=>d.current?.click()}><${Ho} /></button>
        <span class="muted small composer-tip">${y?"Only your team sees notes.":""}</span>
        <button type="submit" class=${"button "+(y?"note":"primary")} disabled=${!le}>
          <${gn} size=${16} /> ${y?"Add note":"Send"}
        </button>
      </div>
    </form>`}function ns({conv:e}){let[t,n]=h(null),a=e.status==="resolved";return $(()=>{if(n(null),!a)return;let r=!0;E(`/api/v1/conversations/${encodeURIComponent(e.id)}/rating`).then(i=>r&&i.rated&&n(i),()=>{});let s=dt(i=>{i.type==="event"&&i.event?.type==="conversation.rated"&&i.event.payload?.rating?.conversation_id===e.id&&n(i.event.payload.rating)});return()=>{r=!1,s()}},[e.id,a]),t?o`
    <div class="csat" data-score=${t.score}>
      <span class="csat-score" aria-label=${`Rated ${t.score} out of 5 by the visitor`} title="The visitor's rating">
        <span aria-hidden="true">${"★".repeat(t.score)}${"☆".repeat(5-t.score)}</span> ${t.score}/5</span>
      ${t.comment&&o`<q class="csat-comment">${t.comment}</q>`}
    </div>`:null}var Pi={open:"Open",pending:"Waiting",assigned:"Assigned",resolved:"Resolved"};function Cn({conv:e,list:t,target:n=0}){let a=me(e.contact_id);return Ui(e),o`
    <div class="conversation">
      <header class="conv-head">
        <div class="conv-head-title">
          <h2 id="conv-title">${a}</h2>
          <div class="conv-head-meta">
            <span class=${"status status-"+e.status} data-status=${e.status}>${Pi[e.status]}</span>
            ${e.assignee_id&&o`<span class="muted small">${e.status==="resolved"?"Last with ":"With "}${Fe(e.assignee_id)}</span>`}
            ${ze(e.inbox_id)&&o`<span class="muted small">· ${ze(e.inbox_id)}</span>`}
            ${Ge(e)&&o`<span class="badge snoozed-badge" data-snoozed="true">${e.snoozed_until_reply?"Snoozed until the visitor writes":`Snoozed until ${Y(e.snoozed_until)}`}</span>`}
          </div>
          <${Ki} conv=${e} />
          <${ns} conv=${e} />
        </div>
        <${ji} conv=${e} />
      </header>
      <${Fi} conv=${e} target=${n} />
      <${Vi} id=${e.id} name=${a} />
      <${ts} conv=${e} />
    </div>`}async function Ce(e,t){try{let n=await t();return n&&je(n),n}catch(n){return n.status===409?w(n,`Could not ${e}, the conversation changed meanwhile`):w(n,`Could not ${e}`),null}}var wn=e=>Ce("take it",()=>b.assign(e.id)).then(t=>t&&S("You took the conversation.","success")),os=e=>Ce("resolve it",()=>b.resolve(e.id)).then(t=>t&&S("Conversation resolved.","success")),Mi=e=>Ce("reopen it",()=>b.reopen(e.id)).then(t=>t&&S("Conversation reopened.","success"));function Li(e,t){let n;return t==="1h"||t==="4h"?n=new Date(Date.now()+parseInt(t,10)*36e5):t==="tomorrow"&&(n=new Date,n.setDate(n.getDate()+1),n.setHours(9,0,0,0)),Ce("snooze it",()=>b.snooze(e.id,n?n.toISOString():void 0)).then(a=>a&&S(t==="reply"?"Snoozed until the visitor writes.":`Snoozed until ${Y(a.snoozed_until)}.`,"success"))}function Ui(e){$(()=>{let t=n=>{n.detail==="take"&&e.status==="pending"&&wn(e),n.detail==="resolve"&&e.status!=="resolved"&&os(e)};return window.addEventListener("parley:command",t),()=>window.removeEventListener("parley:command",t)},[e])}function Oi({conv:e}){$(Do,[]);let t=on.value,n=(t?.queues||[]).filter(s=>s.id!==e.queue_id),a=t?.teams||[];if(!n.length&&!a.length)return null;function r(s){let[i,l]=[s.slice(0,2),s.slice(2)],p=i==="q:"?n.find(f=>f.id===l)?.name:a.find(f=>f.id===l)?.name;Ce("move it",()=>b.moveToQueue(e.id,i==="q:"?{queue_id:l}:{team_id:l})).then(f=>f&&S(i==="q:"?`Moved to the queue ${p}.`:`Moved to the team ${p}.`,"success"))}return o`
    <select class="select small" aria-label="Transfer to a queue or team" value=""
      onChange=${s=>{let i=s.currentTarget.value;s.currentTarget.value="",i&&r(i)}}>
      <option value="">To a queue or team…</option>
      ${n.length>0&&o`<optgroup label="Queues">${n.map(s=>o`<option value=${"q:"+s.id}>${s.name}</option>`)}</optgroup>`}
      ${a.length>0&&o`<optgroup label="Teams">${a.map(s=>o`<option value=${"t:"+s.id}>${s.name}</option>`)}</optgroup>`}
    </select>`}function ji({conv:e}){let t=ce.value,n=ye.value==="admin"||ye.value==="supervisor",a=de.value.filter(s=>!s.disabled&&!s.bot&&s.id!==e.assignee_id),r=(s,i)=>o`
    <select class="select small" aria-label=${s} value=""
      onChange=${l=>{let p=l.currentTarget.value;l.currentTarget.value="",p&&i(p)}}>
      <option value="">${s}…</option>
      ${a.map(l=>o`<option value=${l.id}>${l.name}${l.id===t?" (you)":""}</option>`)}
    </select>`;return o`
    <div class="conv-actions" role="group" aria-label="Conversation actions">
      ${e.status==="pending"&&o`
        <button type="button" class="button primary" onClick=${()=>wn(e)} aria-keyshortcuts="t">Take</button>
        ${n&&r("Assign to",s=>Ce("assign it",()=>b.assign(e.id,s)))}`}
      ${e.status==="assigned"&&(e.assignee_id===t||n)&&o`
        ${r("Transfer to",s=>Ce("transfer it",()=>b.transfer(e.id,e.assignee_id,s)).then(i=>i&&S(`Transferred to ${Fe(s)}.`,"success")))}
        <button type="button" class="button" onClick=${()=>Ce("put it back",()=>b.unassign(e.id,e.assignee_id))}>Back to queue</button>`}
      ${(e.status==="pending"||e.status==="assigned"&&(e.assignee_id===t||n))&&o`<${Oi} conv=${e} />`}
      ${e.status!=="resolved"&&(e.status!=="assigned"||e.assignee_id===t||n)&&o`
        <select class="select small" aria-label="Priority" value=${String(e.priority||0)}
          onChange=${s=>{let i=s.currentTarget.value;Ce("set the priority",()=>b.setPriority(e.id,i))}}>
          ${(e.priority>3?[[e.priority,"Priority "+e.priority]]:[]).concat([[0,"No priority"],[1,"Low"],[2,"High"],[3,"Urgent"]]).map(([s,i])=>o`<option value=${String(s)}>${i}</option>`)}
        </select>
        ${Ge(e)?o`<button type="button" class="button" onClick=${()=>Ce("unsnooze it",()=>b.unsnooze(e.id))}>Unsnooze</button>`:o`
            <select class="select small" aria-label="Snooze" value=""
              onChange=${s=>{let i=s.currentTarget.value;s.currentTarget.value="",i&&Li(e,i)}}>
              <option value="">Snooze…</option>
              <option value="reply">Until the visitor writes</option>
              <option value="1h">For an hour</option>
              <option value="4h">For 4 hours</option>
              <option value="tomorrow">Until tomorrow, 9:00</option>
            </select>`}`}
      ${e.status!=="resolved"?o`<button type="button" class="button success" onClick=${()=>os(e)} aria-keyshortcuts="e">Resolve</button>`:o`<button type="button" class="button" onClick=${()=>Mi(e)}>Reopen</button>`}
    </div>`}function Fi({conv:e,target:t}){let n=V.value[e.id],a=Z(null),r=Z(!t),s=Z(0),i=n?.length?n[n.length-1].seq:0,l=n?.length?n[0].seq:0;if(ao(()=>{let c=a.current;if(!c)return;let m=t&&s.current!==t&&c.querySelector(`[data-seq="${t}"]`);if(m){s.current=t,r.current=!1,m.scrollIntoView({block:"center"});return}r.current&&(c.scrollTop=c.scrollHeight)},[i,l,e.id,t]),!n)return o`<div class="messages"><div class="spinner" role="status" aria-label="Loading messages"></div></div>`;let p=pt.value[e.id]||0,f=-1;return n.forEach((c,m)=>{c.sender?.type!=="contact"&&c.kind!=="note"&&c.kind!=="event"&&(f=m)}),o`
    <div class="messages" ref=${a} role="log" aria-live="polite" aria-labelledby="conv-title" tabindex="0"
      onScroll=${c=>{let m=c.currentTarget;r.current=m.scrollHeight-m.scrollTop-m.clientHeight<80}}>
      ${Oe.value[e.id]&&o`<button type="button" class="button ghost small load-earlier" onClick=${()=>xa(e.id)}>Load earlier messages</button>`}
      ${!n.length&&o`<p class="muted center">No messages yet.</p>`}
      ${n.map((c,m)=>o`<${Bi} key=${c.seq} m=${c} conv=${e} prev=${n[m-1]}
        seen=${m===f&&p>=c.seq} target=${c.seq===t} />`)}
    </div>`}var kn=A(null),as=!1;function Wi(e){return ye.value!=="admin"?"an app":(!kn.value&&!as&&(as=!0,b.apps().then(t=>{kn.value=Object.fromEntries(t.map(n=>[n.id,n.name]))}).catch(()=>{kn.value={}})),kn.value?.[e]||"an app")}function Hi(e,t){let n=e.sender||{};return n.display_name?n.display_name:n.type==="contact"?me(t.contact_id):n.type==="agent"||n.type==="bot"?n.id===ce.value?"You":de.value.find(a=>a.id===n.id)?.name||"Agent":"System"}function Bi({m:e,conv:t,prev:n,seen:a,target:r}){if(e.kind==="event")return o`<div class="msg-event" data-seq=${e.seq}><span>${e.body}</span> <time datetime=${e.created_at}>${Sa(e.created_at)}</time></div>`;let s=e.sender?.type==="contact",i=e.kind==="note",l=n&&n.kind===e.kind&&n.sender?.type===e.sender?.type&&n.sender?.id===e.sender?.id&&n.sender?.display_name===e.sender?.display_name&&new Date(e.created_at)-new Date(n.created_at)<300*1e3,p=Hi(e,t),f=["msg",s?"msg-in":"msg-out",i?"msg-note":"",l?"grouped":"",e.deleted_at?"deleted":"",r?"msg-target":""].filter(Boolean).join(" ");return o`
    <article class=${f} data-seq=${e.seq} data-kind=${e.kind} aria-label=${(i?"Private note by ":"Message from ")+p}
      aria-current=${r?"true":void 0}>
      ${!l&&o`
        <div class="msg-head">
          ${s&&o`<${ke} id=${t.contact_id} name=${p} size="sm" />`}
          ${e.sender?.avatar_url&&o`<img class="msg-avatar" src=${e.sender.avatar_url} alt=${p} referrerpolicy="no-referrer" width="20" height="20" />`}
          <span class="msg-name">${p}</span>
          ${e.app_id&&o`<span class="msg-via muted small">via ${Wi(e.app_id)}</span>`}
          <time datetime=${e.created_at} title=${Y(e.created_at)}>${Sa(e.created_at)}</time>
        </div>`}
      <div class="msg-bubble">
        ${i&&o`<div class="note-label"><${gt} size=${13} /> Private note <span class="muted">· only agents see this</span></div>`}
        ${e.deleted_at?o`<p class="msg-body muted">This message was deleted.</p>`:e.body&&o`<p class="msg-body">${e.body}</p>`}
        ${e.attachments?.length>0&&o`
          <ul class="attachments">
            ${e.attachments.map(c=>o`
              <li><a class="attachment" href=${b.attachmentURL(c.id)} download=${c.name}>
                <${Ko} size=${16} /><span class="attachment-name">${c.name}</span><span class="muted">${_n(c.size)}</span></a></li>`)}
          </ul>`}
        ${e.edited_at&&!e.deleted_at&&o`<span class="muted small">(edited)</span>`}
      </div>
      ${a&&o`<div class="msg-seen">Seen</div>`}
    </article>`}function Vi({id:e,name:t}){vt(1e3);let n=ve.value[e],a=n&&Date.now()-n.at<5e3,r="";return a&&(r=n.by?.type==="contact"?`${t} is typing…`:`${Fe(n.by?.id)||"An agent"} is typing${n.note?" a note":""}…`),o`<div class="typing" aria-live="polite">${a&&o`<span class="typing-dots" aria-hidden="true"><i></i><i></i><i></i></span> ${r}`}</div>`}function Ki({conv:e}){let[t,n]=h(null),[a,r]=h("");if($(()=>{dn();let c=!0;return b.conversationLabels(e.id).then(m=>c&&n(m.items||[]),()=>c&&n([])),()=>{c=!1}},[e.id]),t===null)return null;let s=Ue.value||[],i=new Set(t.map(c=>c.id)),l=s.filter(c=>!i.has(c.id)),p=async c=>{let m=s.find(d=>d.id===c);try{await b.addLabel(e.id,c),n(d=>d.some(u=>u.id===c)?d:[...d,m]),ha(e.id,c,!0),r(`Label ${m.name} added.`)}catch(d){w(d,"Could not add the label")}},f=async c=>{try{await b.removeLabel(e.id,c.id),n(m=>m.filter(d=>d.id!==c.id)),ha(e.id,c.id,!1),r(`Label ${c.name} removed.`),document.getElementById("add-label")?.focus()}catch(m){w(m,"Could not remove the label")}};return o`
    <div class="conv-labels" role="group" aria-label="Labels">
      ${t.length>0&&o`
        <ul class="label-chips" aria-label="Labels of this conversation">
          ${t.map(c=>o`
            <li class="label-chip" data-label=${c.name}>
              <span class="label-dot" style=${{background:c.color}} aria-hidden="true"></span>${c.name}
              <button type="button" class="icon-button label-remove" aria-label=${"Remove label "+c.name}
                onClick=${()=>f(c)}><${bt} size=${12} /></button>
            </li>`)}
        </ul>`}
      ${l.length>0&&o`
        <select id="add-label" class="select small" aria-label="Add a label" aria-keyshortcuts="l" value=""
          onChange=${c=>{let m=c.currentTarget.value;c.currentTarget.value="",m&&p(m)}}>
          <option value="">Add label…</option>
          ${l.map(c=>o`<option value=${c.id}>${c.name}</option>`)}
        </select>`}
      <span class="sr-only" role="status">${a}</span>
    </div>`}var Ta=864e5;function ss(e){return e.toISOString().slice(0,10)}function Qi(){let e=new Date;return{from:ss(new Date(e.getTime()-6*Ta)),to:ss(e)}}function Yi(e){let t=new Date(Date.parse(e.to+"T00:00:00Z")+Ta);return{start:e.from+"T00:00:00Z",end:t.toISOString().replace(".000Z","Z")}}function is({conv:e}){let[t,n]=h(Qi),[a,r]=h(null),[s,i]=h({}),[l,p]=h("");return $(()=>{let c=!0;return r(null),i({}),p(""),b.contextEndpoints().then(m=>c&&r(m.filter(d=>!d.inbox_id||d.inbox_id===e.inbox_id))).catch(()=>c&&r("all")),()=>{c=!1}},[e.id]),$(()=>{if(!a)return;let c=!0,m=Yi(t),d=u=>c&&i(g=>{let v={...g};for(let x of u)v[x.endpoint_id]=x;return v});if(a==="all")b.context(e.id,m).then(u=>d(u.items)).catch(u=>c&&p(u.message));else for(let u of a)b.context(e.id,{...m,endpoint_id:u.id}).then(g=>d(g.items)).catch(g=>d([{endpoint_id:u.id,title:u.title,statistics:u.statistics,entries:[],error:{reason:"",message:g.message}}]));return()=>{c=!1}},[e.id,a,t.from,t.to]),a===null?o`<div class="spinner small" role="status" aria-label="Loading customer data"></div>`:l?o`<p class="muted small">Customer data is not available: ${l}</p>`:(a==="all"?Object.values(s):a.map(c=>s[c.id]||{endpoint_id:c.id,title:c.title,statistics:c.statistics,loading:!0})).map(c=>o`<${Gi} key=${c.endpoint_id} item=${c} range=${t} setRange=${n} />`)}function Gi({item:e,range:t,setRange:n}){let a="ctx-"+e.endpoint_id;return o`
    <section class="panel-section ctx-section" aria-labelledby=${a} data-context-endpoint=${e.endpoint_id}>
      <h3 id=${a}>${e.title}</h3>
      ${e.statistics&&o`<${er} id=${e.endpoint_id} range=${t} setRange=${n} />`}
      ${e.loading?o`<div class="spinner small" role="status" aria-label=${"Loading "+e.title}></div>`:e.error?o`<p class="ctx-error" data-reason=${e.error.reason}>${e.error.message}</p>`:e.entries.length===0?o`<p class="muted small">Nothing to show.</p>`:Ji(e.entries).map((r,s)=>o`<${Zi} key=${s} group=${r} id=${a+"-"+s} />`)}
    </section>`}function Ji(e){let t=[];for(let n of e){let a=t[t.length-1];n.type==="text"&&a?.type==="text"?a.rows.push(n):t.push(n.type==="text"?{type:"text",rows:[n]}:n)}return t}function Zi({group:e,id:t}){switch(e.type){case"text":return o`<dl class="props">${e.rows.map(n=>o`<dt>${n.label}</dt><dd>${n.text}</dd>`)}</dl>`;case"links":{let n=e.links||[];return o`<div class="ctx-block">
        <h4 id=${t}>${e.label}</h4>
        ${n.length===0?o`<p class="muted small">None.</p>`:o`
          <ul class="ctx-links" aria-labelledby=${t}>
            ${n.map(a=>o`<li><a href=${a.url} target="_blank" rel="noopener noreferrer">${a.label}</a></li>`)}
          </ul>`}
      </div>`}case"series":return o`<${Xi} label=${e.label} points=${e.points||[]} id=${t} />`}return null}var Sn=new Intl.NumberFormat(void 0,{maximumFractionDigits:2});function Xi({label:e,points:t,id:n}){let i=t.map(g=>g.y),l=Math.max(0,...i),p=Math.min(0,...i),f=l-p||1,c=g=>2+80*(l-g)/f,m=t.length?260/t.length:260,d=Math.max(1,m*.7),u=t.length===0?`${e}: no data`:`${e}: ${t.length} values from ${t[0].x} to ${t[t.length-1].x}, lowest ${Sn.format(Math.min(...i))}, highest ${Sn.format(Math.max(...i))}`;return o`<figure class="ctx-chart">
    <figcaption id=${n}>${e}</figcaption>
    <svg viewBox=${"0 0 260 84"} width="100%" height=${84} role="img" aria-label=${u} preserveAspectRatio="none">
      <line x1="0" x2=${260} y1=${c(0)} y2=${c(0)} class="ctx-axis" />
      ${t.map((g,v)=>o`<rect x=${v*m+(m-d)/2} width=${d}
        y=${Math.min(c(g.y),c(0))} height=${Math.max(1,Math.abs(c(g.y)-c(0)))} class="ctx-bar"><title>${g.x}: ${Sn.format(g.y)}</title></rect>`)}
    </svg>
    <details>
      <summary>Show numbers</summary>
      <table class="ctx-table" aria-labelledby=${n}>
        <thead><tr><th scope="col">When</th><th scope="col">Value</th></tr></thead>
        <tbody>${t.map(g=>o`<tr><td>${g.x}</td><td>${Sn.format(g.y)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`}function er({id:e,range:t,setRange:n}){let[a,r]=h(t.from),[s,i]=h(t.to),[l,p]=h("");return $(()=>{r(t.from),i(t.to)},[t.from,t.to]),o`<form class="ctx-range" onSubmit=${c=>{if(c.preventDefault(),!a||!s)return p("Choose both days.");if(a>s)return p("The first day must not be after the last.");if(Date.parse(s)-Date.parse(a)>365*Ta)return p("Choose at most a year.");p(""),n({from:a,to:s})}} aria-label="Date range">
    <label for=${"from-"+e}>From</label>
    <input id=${"from-"+e} type="date" value=${a} max=${s} onInput=${c=>r(c.target.value)} />
    <label for=${"to-"+e}>To</label>
    <input id=${"to-"+e} type="date" value=${s} min=${a} onInput=${c=>i(c.target.value)} />
    <button class="button small" type="submit">Show</button>
    ${l&&o`<p class="ctx-error" role="alert">${l}</p>`}
  </form>`}function rs(){let[e,t]=h(!0),[n,a]=h(!1),r=()=>b.agents().then(i=>{de.value=i}).catch(i=>w(i,"Could not load agents")).finally(()=>t(!1));$(()=>{r()},[]);async function s(i){if(!(!i.disabled&&!confirm(`Disable ${i.name}? They are signed out and cannot sign in until enabled again.`)))try{await b.updateAgent(i.id,{disabled:!i.disabled}),S(`${i.name} is ${i.disabled?"enabled":"disabled"}.`,"success"),r()}catch(l){w(l)}}return o`
    <${L} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>Add agent</button>
    <//>
    ${n&&o`<${tr} onDone=${()=>{a(!1),r()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading agents"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${de.value.map(i=>o`
              <tr key=${i.id} data-agent=${i.email}>
                <td><div class="cell-person"><${ke} id=${i.id} name=${i.name} url=${i.avatar_url} size="sm" />
                  <div><div class="strong">${i.name}${i.id===ce.value?" (you)":""}</div><div class="muted small">${i.email}</div></div></div></td>
                <td><span class=${"role role-"+i.role}>${i.role}</span>${i.bot?o` <span class="tag">bot</span>`:""}</td>
                <td>${i.disabled?o`<span class="tag tag-muted">disabled</span>`:o`<span class=${"presence-label p-"+(i.presence||"offline")}><span class=${"presence-dot p-"+(i.presence||"offline")} aria-hidden="true"></span>${i.presence||"offline"}</span>`}</td>
                <td class="agent-capacity">${i.bot?"—":i.capacity?`${i.capacity} at once`:"No limit"}</td>
                <td class="muted">${M(i.created_at)}</td>
                <td class="right">${i.id!==ce.value&&o`<button type="button" class="button small ghost" onClick=${()=>s(i)}>${i.disabled?"Enable":"Disable"}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`}function tr({onDone:e}){let[t,n]=h({name:"",email:"",role:"agent",password:"",avatar_url:"",capacity:"0"}),[a,r]=h(null),[s,i]=h(!1),l=f=>c=>n({...t,[f]:c.currentTarget.value});async function p(f){f.preventDefault(),i(!0);try{await b.createAgent({...t,capacity:Number(t.capacity)||0}),S(`${t.name} can now sign in.`,"success"),e()}catch(c){r(c)}finally{i(!1)}}return o`
    <form class="card form-grid" onSubmit=${p} aria-label="New agent">
      <${O} error=${a} />
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
    </form>`}var Ia={en:{open:"Open chat",close:"Close chat",unread:e=>e+(e===1?" unread message":" unread messages"),online:"We usually reply in a few minutes",offline:"We are away right now. Leave a message and we will get back to you.",placeholder:"Write a message…",send:"Send",attach:"Attach a file",typing:"Support is typing…",seen:"Seen",sending:"Sending…",failed:"Not sent yet",connecting:"Connecting…",reconnecting:"Connection lost. Reconnecting…",conversations:"Your conversations",newConversation:"New conversation",back:"Back to your conversations",noConversations:"No conversations yet.",you:"You",agent:"Support",resolved:"Resolved",start:"Start the conversation",prechatIntro:"Tell us who you are, so that we can get back to you.",name:"Name",email:"Email",fileTooLarge:"This file is too large.",fileType:"This type of file is not accepted.",error:"Something went wrong. Please try again.",download:"Download",rateAsk:"How was this conversation?",rateScore:e=>e+" of 5",rateComment:"Anything to add? (optional)",rateSend:"Send rating",rateSkip:"Skip",rateThanks:"Thank you for your rating!"},de:{open:"Chat öffnen",close:"Chat schließen",unread:e=>e+(e===1?" ungelesene Nachricht":" ungelesene Nachrichten"),online:"Wir antworten meist in wenigen Minuten",offline:"Wir sind gerade nicht da. Hinterlassen Sie eine Nachricht, wir melden uns.",placeholder:"Nachricht schreiben…",send:"Senden",attach:"Datei anhängen",typing:"Der Support schreibt…",seen:"Gelesen",sending:"Wird gesendet…",failed:"Noch nicht gesendet",connecting:"Verbinde…",reconnecting:"Verbindung unterbrochen. Verbinde neu…",conversations:"Ihre Unterhaltungen",newConversation:"Neue Unterhaltung",back:"Zurück zu Ihren Unterhaltungen",noConversations:"Noch keine Unterhaltungen.",you:"Sie",agent:"Support",resolved:"Erledigt",start:"Unterhaltung beginnen",prechatIntro:"Sagen Sie uns, wer Sie sind, damit wir antworten können.",name:"Name",email:"E-Mail",fileTooLarge:"Die Datei ist zu groß.",fileType:"Dieser Dateityp wird nicht angenommen.",error:"Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.",download:"Herunterladen",rateAsk:"Wie war diese Unterhaltung?",rateScore:e=>e+" von 5",rateComment:"Möchten Sie etwas ergänzen? (optional)",rateSend:"Bewertung senden",rateSkip:"Überspringen",rateThanks:"Danke für Ihre Bewertung!"},fr:{open:"Ouvrir le chat",close:"Fermer le chat",unread:e=>e+(e===1?" message non lu":" messages non lus"),online:"Nous répondons en général en quelques minutes",offline:"Nous sommes absents. Laissez un message, nous vous répondrons.",placeholder:"Écrire un message…",send:"Envoyer",attach:"Joindre un fichier",typing:"Le support écrit…",seen:"Lu",sending:"Envoi…",failed:"Pas encore envoyé",connecting:"Connexion…",reconnecting:"Connexion perdue. Reconnexion…",conversations:"Vos conversations",newConversation:"Nouvelle conversation",back:"Retour à vos conversations",noConversations:"Aucune conversation.",you:"Vous",agent:"Support",resolved:"Résolue",start:"Commencer la conversation",prechatIntro:"Dites-nous qui vous êtes pour que nous puissions vous répondre.",name:"Nom",email:"E-mail",fileTooLarge:"Ce fichier est trop volumineux.",fileType:"Ce type de fichier n'est pas accepté.",error:"Une erreur est survenue. Veuillez réessayer.",download:"Télécharger",rateAsk:"Comment s’est passée cette conversation ?",rateScore:e=>e+" sur 5",rateComment:"Un commentaire ? (facultatif)",rateSend:"Envoyer la note",rateSkip:"Passer",rateThanks:"Merci pour votre note !"}};function ls(e,t=navigator.languages||[navigator.language]){for(let n of[e,...t]){let a=(n||"").toLowerCase().split("-")[0];if(Ia[a])return a}return"en"}var cs=e=>Ia[e]||Ia.en;var Tn=[["","The visitor's browser language"],["en","English"],["de","Deutsch"],["fr","Français"]],ds=[["name","Name"],["email","Email"]],nr=(e={})=>({title:e.title||"",greeting:e.greeting||"",color:e.color||"#2563eb",locale:e.locale||"",position:e.position==="left"?"left":"right",prechat:{enabled:!!e.prechat?.enabled,fields:[...e.prechat?.fields||[]]}});function ps({inbox:e,onSaved:t}){let[n,a]=h(()=>nr(e.widget)),[r,s]=h(null),[i,l]=h(!1),p=u=>`widget-${u}-${e.id}`,f=u=>g=>a({...n,[u]:g.currentTarget.value}),c=(u,g)=>{let v=ds.map(([x])=>x).filter(x=>x===u?g:n.prechat.fields.includes(x));a({...n,prechat:{...n.prechat,fields:v}})},m=Tn.some(([u])=>u===n.locale)?Tn:[...Tn,[n.locale,n.locale]];async function d(u){u.preventDefault(),l(!0);try{await b.updateInbox(e.id,{widget:n}),s(null),S("Widget settings saved.","success"),t()}catch(g){s(g)}finally{l(!1)}}return o`
    <form class="widget-settings" onSubmit=${d} aria-labelledby=${p("title-h")}>
      <h3 id=${p("title-h")}>Widget</h3>
      <${O} error=${r} />
      <div class="widget-settings-grid">
        <div>
          <label class="field"><span>Title</span>
            <input name="title" value=${n.title} maxlength="500" placeholder=${e.name} onInput=${f("title")} /></label>
          <label class="field"><span>Greeting</span>
            <textarea name="greeting" rows="2" maxlength="500" value=${n.greeting} placeholder="Hi! How can we help?" onInput=${f("greeting")}></textarea></label>
          <div class="field-row">
            <label class="field"><span>Colour</span>
              <span class="color-field">
                <input type="color" name="color" value=${n.color} onInput=${f("color")} aria-describedby=${p("color-hex")} />
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
            <select name="locale" value=${n.locale} onChange=${f("locale")}>
              ${m.map(([u,g])=>o`<option key=${u} value=${u}>${g}</option>`)}
            </select></label>
          <fieldset class="field">
            <legend>Pre-chat form</legend>
            <label class="switch"><input type="checkbox" name="prechat" checked=${n.prechat.enabled}
              onChange=${u=>a({...n,prechat:{...n.prechat,enabled:u.currentTarget.checked,fields:n.prechat.fields.length?n.prechat.fields:["name","email"]}})} />
              <span>Ask guests who they are before they write</span></label>
            ${n.prechat.enabled&&o`<span class="segmented">${ds.map(([u,g])=>o`<label key=${u} class="check">
              <input type="checkbox" name=${"prechat-"+u} checked=${n.prechat.fields.includes(u)} onChange=${v=>c(u,v.currentTarget.checked)} />${g}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${i}>Save widget</button>
        </div>
        <${or} inbox=${e} f=${n} />
      </div>
    </form>`}function ar(e){let t=parseInt((e||"").slice(1),16);return isNaN(t)?"#fff":.299*(t>>16)+.587*(t>>8&255)+.114*(t&255)>170?"#111827":"#fff"}function or({inbox:e,f:t}){let n=cs(ls(t.locale)),a={"--w-accent":t.color,"--w-on-accent":ar(t.color)},r=t.prechat.enabled&&t.prechat.fields.length>0;return o`
    <figure class=${"widget-preview pos-"+t.position} style=${a} aria-label="Preview of the widget" data-preview=${e.id}>
      <div class="wp-panel" aria-hidden="true">
        <div class="wp-head">
          <div class="wp-title">${t.title||e.name}</div>
          <div class="wp-sub"><span class="wp-dot"></span>${n.online}</div>
        </div>
        <div class="wp-body">
          ${r?o`<div class="wp-prechat"><p>${n.prechatIntro}</p>
              ${t.prechat.fields.map(s=>o`<span key=${s} class="wp-input">${n[s]}</span>`)}
              <span class="wp-button">${n.start}</span></div>`:t.greeting&&o`<div class="wp-msg">${t.greeting}</div>`}
        </div>
        ${!r&&o`<div class="wp-composer"><span>${n.placeholder}</span><span class="wp-send"></span></div>`}
      </div>
      <div class="wp-launcher" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg></div>
      <figcaption class="muted small">Preview: ${t.title||e.name}, ${t.position==="left"?"bottom left":"bottom right"}, ${Tn.find(([s])=>s===t.locale)?.[1]||t.locale}</figcaption>
    </figure>`}var sr=e=>`<script src="${location.origin}/widget.js" data-inbox="${e.id}" async><\/script>`;async function Se(e,t="Copied"){try{await navigator.clipboard.writeText(e),S(`${t} to the clipboard.`,"success")}catch{S("Select the text and copy it by hand.","error")}}function us(){let[e,t]=h(!0),[n,a]=h(!1),r=()=>b.inboxes().then(s=>{Ze.value=s}).catch(s=>w(s,"Could not load inboxes")).finally(()=>t(!1));return $(()=>{r()},[]),o`
    <${L} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>New inbox</button>
    <//>
    ${n&&o`<${lr} onDone=${()=>{a(!1),r()}} />`}
    ${e?o`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`:Ze.value.length?Ze.value.map(s=>o`<${ir} key=${s.id} inbox=${s} onChange=${r} />`):o`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`}`}function ir({inbox:e,onChange:t}){let[n,a]=h((e.allowed_origins||[]).join(`
`)),[r,s]=h(null),i=sr(e),l="inbox-"+e.id;async function p(f,c){try{await b.updateInbox(e.id,f),s(null),S(c,"success"),t()}catch(m){s(m)}}return o`
    <section class="card inbox-card" aria-labelledby=${l} data-inbox=${e.id}>
      <header class="card-head">
        <div><h2 id=${l}>${e.name}</h2>
          <p class="muted small">Widget title “${e.widget?.title||e.name}” · files up to ${Math.round((e.conversation?.max_attachment_size||0)/1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{background:e.widget?.color||"#2563eb"}}></span>
      </header>
      <${O} error=${r} />
      <div class="inbox-grid">
        <div>
          <h3>Widget snippet</h3>
          <p class="muted small">Paste it before <code>${"</body>"}</code> on every page of your site.</p>
          <div class="snippet">
            <pre><code class="snippet-code">${i}</code></pre>
            <button type="button" class="button small" onClick=${()=>Se(i,"Snippet copied")}><${he} size=${14} /> Copy</button>
          </div>
        </div>
        <div>
          <h3>Identity</h3>
          <label class="switch">
            <input type="checkbox" checked=${!!e.identity?.require_verified}
              onChange=${f=>p({identity:{require_verified:f.currentTarget.checked}},"Identity settings saved.")} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${rr} identity=${e.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${f=>{f.preventDefault(),p({allowed_origins:n.split(/[\s,]+/).filter(Boolean)},"Allowed origins saved.")}}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${n} onInput=${f=>a(f.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${ps} inbox=${e} onSaved=${t} />
      </div>
    </section>`}function rr({identity:e}){let t=Object.entries(e||{}).filter(([a,r])=>a!=="require_verified"&&r!==null&&r!==""&&!(Array.isArray(r)&&r.length===0));if(!t.length)return null;let n=a=>Array.isArray(a)?`${a.length} configured`:typeof a=="object"?JSON.stringify(a):String(a);return o`<dl class="props small">${t.map(([a,r])=>o`<dt>${a.replace(/_/g," ")}</dt><dd>${n(r)}</dd>`)}</dl>`}function lr({onDone:e}){let[t,n]=h(""),[a,r]=h(""),[s,i]=h(null);async function l(p){p.preventDefault();try{await b.createInbox({name:t,allowed_origins:a.split(/[\s,]+/).filter(Boolean)}),S(`Inbox ${t} created.`,"success"),e()}catch(f){i(f)}}return o`
    <form class="card form-grid" onSubmit=${l} aria-label="New inbox">
      <${O} error=${s} />
      <label class="field"><span>Name</span><input required value=${t} onInput=${p=>n(p.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${a} onInput=${p=>r(p.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function ms(){let[e,t]=h(null),[n,a]=h(!1),[r,s]=h(null),i=()=>b.tokens().then(t).catch(p=>{w(p,"Could not load tokens"),t([])});$(()=>{i()},[]);async function l(p){if(confirm(`Revoke “${p.name}”? Programs using it stop working at once.`))try{await b.revokeToken(p.id),S(`“${p.name}” is revoked.`,"success"),i()}catch(f){w(f)}}return o`
    <${L} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${()=>{a(!n),s(null)}} aria-expanded=${n}>Create token</button>
    <//>
    ${r&&o`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${r.token}</code></pre>
          <button type="button" class="button small" onClick=${()=>Se(r.token,"Token copied")}><${he} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>s(null)}>I have stored it</button>
      </div>`}
    ${n&&o`<${cr} onDone=${p=>{a(!1),p&&s(p),i()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading tokens"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(p=>o`
              <tr key=${p.id} class=${p.revoked_at?"revoked":""} data-token=${p.name}>
                <td class="strong">${p.name}</td>
                <td>${p.scopes.map(f=>o`<span class="tag">${f}</span> `)}</td>
                <td><code>${p.prefix}…</code></td>
                <td class="muted" title=${Y(p.created_at)}>${M(p.created_at)} by ${p.created_by?.name}</td>
                <td class="muted">${p.last_used_at?M(p.last_used_at):"never"}</td>
                <td class="muted token-expires" title=${p.expires_at?Y(p.expires_at):""}>${p.expires_at?new Date(p.expires_at)<=new Date?o`<span class="tag tag-muted">expired</span>`:M(p.expires_at):"never"}</td>
                <td class="right">${p.revoked_at?o`<span class="tag tag-muted">revoked</span>`:o`<button type="button" class="button small danger-ghost" onClick=${()=>l(p)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`}`}function cr({onDone:e}){let t=(J.value?.scopes||[]).filter(u=>!u.startsWith("workspaces:")),[n,a]=h(""),[r,s]=h(!0),[i,l]=h([]),[p,f]=h(""),[c,m]=h(null);async function d(u){u.preventDefault();let g={name:n,scopes:r?["all"]:i};p&&(g.expires_at=new Date(`${p}T00:00:00`).toISOString());try{let v=await b.createToken(g);e(v)}catch(v){m(v)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New API token">
      <${O} error=${c} />
      <label class="field"><span>Name</span><input required value=${n} onInput=${u=>a(u.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${r} onChange=${u=>s(u.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!r&&o`<div class="scope-grid">${t.map(u=>o`
          <label class="check"><input type="checkbox" checked=${i.includes(u)}
            onChange=${g=>l(g.currentTarget.checked?[...i,u]:i.filter(v=>v!==u))} /> <code>${u}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${p} min=${dr()} onInput=${u=>f(u.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!r&&!i.length}>Create token</button>
        <button type="button" class="button ghost" onClick=${()=>e(null)}>Cancel</button></div>
    </form>`}function dr(){let e=new Date;return e.setDate(e.getDate()+1),`${e.getFullYear()}-${String(e.getMonth()+1).padStart(2,"0")}-${String(e.getDate()).padStart(2,"0")}`}function fs(){let[e,t]=h(null),[n,a]=h(""),[r,s]=h(!1);async function i(p){s(!0);try{let f=await b.audit(p);t(c=>p?[...c||[],...f.items]:f.items),a(f.next_cursor||"")}catch(f){w(f,"Could not load the audit log"),t(c=>c||[])}finally{s(!1)}}$(()=>{i("")},[]);let l=p=>Object.entries(p||{}).map(([f,c])=>`${f}: ${typeof c=="object"?JSON.stringify(c):c}`).join(", ");return o`
    <${L} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${e.map(p=>o`
              <tr key=${p.id}>
                <td class="muted nowrap" title=${Y(p.created_at)}>${M(p.created_at)}</td>
                <td><span class="tag tag-muted">${p.actor.type}</span> ${p.actor.name}</td>
                <td><code class="action">${p.action}</code></td>
                <td class="muted small details">${l(p.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${n&&o`<div class="center"><button type="button" class="button" disabled=${r} onClick=${()=>i(n)}>Load more</button></div>`}`:o`<div class="empty"><h2>Nothing recorded yet</h2></div>`}`}function hs(){let[e,t]=h(null),[n,a]=h(""),[r,s]=h(null);if($(()=>{E("/api/v1/sign-in").then(t).catch(c=>w(c,"Could not load the sign-in settings"))},[]),!e)return o`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;let i=e.oidc,l=(c,m)=>t({...e,oidc:{...i,[c]:m}}),p=(c,m,d)=>l("mappings",i.mappings.map((u,g)=>g===c?{...u,[m]:d}:u));async function f(c){c.preventDefault(),s(null);let m={password:e.password,oidc:{...i,client_secret:n||void 0},external:e.external};delete m.oidc.client_secret_set;try{t(await rt("/api/v1/sign-in",m)),a(""),S("Sign-in settings saved.","success")}catch(d){s(d)}}return o`
    <${L} title="Sign-in" sub="How the agents of this workspace sign in to the console. See docs/sign-in.md." />
    <form class="card form-grid" onSubmit=${f} aria-label="Sign-in settings">
      <${O} error=${r} />
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
        <label class="switch"><input type="checkbox" name="oidc_enabled" checked=${i.enabled} onChange=${c=>l("enabled",c.currentTarget.checked)} />
          <span>Sign in with your identity provider</span></label>
        <p class="muted">Register <code>${e.redirect_uri}</code> as the redirect URI and <code>${e.post_logout_redirect_uri}</code> as the post-logout redirect URI.</p>
        <label class="field"><span>Issuer URL</span><input name="issuer" value=${i.issuer} placeholder="https://id.example.com" onInput=${c=>l("issuer",c.currentTarget.value)} /></label>
        <label class="field"><span>Client ID</span><input name="client_id" value=${i.client_id} onInput=${c=>l("client_id",c.currentTarget.value)} /></label>
        <label class="field"><span>Client secret ${i.client_secret_set&&o`<span class="muted">(stored; leave empty to keep it)</span>`}</span>
          <input name="client_secret" type="password" autocomplete="off" value=${n} onInput=${c=>a(c.currentTarget.value)} /></label>
        <label class="field"><span>Scopes <span class="muted">(besides openid; comma-separated)</span></span>
          <input name="scopes" value=${i.scopes.join(", ")} placeholder="profile, email, groups"
            onInput=${c=>l("scopes",c.currentTarget.value.split(",").map(m=>m.trim()).filter(Boolean))} /></label>
        <label class="field"><span>Button label</span><input name="button_label" value=${i.button_label} placeholder="Sign in with single sign-on" onInput=${c=>l("button_label",c.currentTarget.value)} /></label>
        <label class="field"><span>Claim mapped to roles</span><input name="claim" value=${i.claim} placeholder="groups" onInput=${c=>l("claim",c.currentTarget.value)} /></label>
        ${i.mappings.map((c,m)=>o`
          <div class="mapping-row" data-mapping=${m}>
            <label class="field"><span>Claim value</span><input value=${c.value} onInput=${d=>p(m,"value",d.currentTarget.value)} /></label>
            <label class="field"><span>Role</span><select value=${c.role} onChange=${d=>p(m,"role",d.currentTarget.value)}>
              <option value="agent">agent</option><option value="supervisor">supervisor</option><option value="admin">admin</option></select></label>
            <label class="field"><span>Tier</span><input type="number" min="0" max="9" value=${c.tier} onInput=${d=>p(m,"tier",Number(d.currentTarget.value)||0)} /></label>
            <button type="button" class="button small ghost" aria-label="Remove this mapping" onClick=${()=>l("mappings",i.mappings.filter((d,u)=>u!==m))}>Remove</button>
          </div>`)}
        <button type="button" class="button small" onClick=${()=>l("mappings",[...i.mappings,{value:"",role:"agent",tier:0}])}>Add a mapping</button>
        <label class="field"><span>Role when no mapping matches</span>
          <select name="default_role" value=${i.default_role} onChange=${c=>l("default_role",c.currentTarget.value)}>
            <option value="">none: refuse the first sign-in</option><option value="agent">agent</option><option value="supervisor">supervisor</option></select></label>
        <label class="switch"><input type="checkbox" name="create_agents" checked=${i.create_agents} onChange=${c=>l("create_agents",c.currentTarget.checked)} />
          <span>Create agents on their first sign-in (else only agents you created may sign in)</span></label>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary">Save</button></div>
    </form>`}function gs(){let[e,t]=h(null),[n,a]=h({product_name:"",sign_in_title:"",color:""}),[r,s]=h(null),i=m=>{t(m),we.value=m,a({product_name:m.product_name,sign_in_title:m.sign_in_title,color:m.color})};$(()=>{E("/api/v1/branding").then(i).catch(m=>w(m,"Could not load the branding"))},[]);async function l(m){m.preventDefault(),s(null);try{i(await Ae("/api/v1/branding",n)),S("Branding saved.","success")}catch(d){s(d)}}async function p(m,d){if(d)try{i(await Ee("PUT",`/api/v1/branding/${m}`,{headers:{"Content-Type":d.type||"application/octet-stream"},raw:d})),S(m==="logo"?"Logo saved.":"Default avatar saved.","success")}catch(u){w(u,"Upload refused")}}async function f(m){try{i(await Ee("DELETE",`/api/v1/branding/${m}`))}catch(d){w(d)}}let c=m=>d=>a({...n,[m]:d.currentTarget.value});return e?o`
    <${L} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${l} aria-label="Branding">
      <${O} error=${r} />
      <label class="field"><span>Product name</span>
        <input name="product_name" maxlength="60" value=${n.product_name} placeholder="Parley" onInput=${c("product_name")} /></label>
      <label class="field"><span>Sign-in page title</span>
        <input name="sign_in_title" maxlength="120" value=${n.sign_in_title} placeholder=${`Sign in to ${n.product_name||"Parley"}`} onInput=${c("sign_in_title")} /></label>
      <label class="field"><span>Colour <span class="muted">(#rrggbb; the widget uses it when the inbox sets none)</span></span>
        <input name="color" maxlength="7" value=${n.color} placeholder="#4f46e5" onInput=${c("color")} /></label>
      <div class="form-actions"><button type="submit" class="button primary" id="save-branding">Save</button></div>
    </form>
    ${[["logo","Logo","Shown in the console’s header and on the sign-in page."],["avatar","Default agent avatar","The widget shows it for agents who have no picture."]].map(([m,d,u])=>o`
      <section class="card" aria-labelledby=${"brand-"+m}>
        <h2 id=${"brand-"+m}>${d}</h2>
        <p class="muted">${u} PNG, JPEG, GIF or WebP, at most 256 KiB and 2048 pixels a side.</p>
        <div class="brand-preview">
          ${e[m+"_url"]?o`<img src=${e[m+"_url"]} alt=${d} data-brand-preview=${m} />`:o`<span class="muted">None</span>`}
          <label class="button small">Upload…<input type="file" class="sr-only" name=${m} accept="image/png,image/jpeg,image/gif,image/webp"
            onChange=${g=>p(m,g.currentTarget.files[0])} /></label>
          ${e[m+"_url"]&&o`<button type="button" class="button small ghost" onClick=${()=>f(m)}>Remove</button>`}
        </div>
      </section>`)}`:o`<div class="spinner" role="status" aria-label="Loading the branding"></div>`}function bs(){let[e,t]=h(null),[n,a]=h([]),[r,s]=h(!1),[i,l]=h(null),p=()=>b.contextEndpoints().then(t).catch(d=>{w(d,"Could not load context endpoints"),t([])});$(()=>{p(),b.inboxes().then(a).catch(()=>{})},[]);let f=d=>d?n.find(u=>u.id===d)?.name||d:"Every inbox";async function c(d){if(confirm(`Replace the secret of “${d.title}”? Requests are signed with the new one at once: update your endpoint.`))try{let u=await b.rotateContextSecret(d.id);l({title:u.title,secret:u.secret})}catch(u){w(u)}}async function m(d){if(confirm(`Delete “${d.title}”? Agents no longer see its data.`))try{await b.deleteContextEndpoint(d.id),S(`“${d.title}” is deleted.`,"success"),p()}catch(u){w(u)}}return o`
    <${L} title="Customer data" sub="Your endpoints whose answers agents see beside the conversation: rows, links and charts.">
      <button type="button" class="button primary" onClick=${()=>{s(!r),l(null)}} aria-expanded=${r}>Add endpoint</button>
    <//>
    ${i&&o`
      <div class="card callout" role="status" aria-labelledby="ctx-secret-title">
        <h2 id="ctx-secret-title">Copy the signing secret of “${i.title}” now</h2>
        <p>This is the only time it is shown. Your endpoint checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="context-secret">${i.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Se(i.secret,"Secret copied")}><${he} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>l(null)}>I have stored it</button>
      </div>`}
    ${r&&o`<${pr} inboxes=${n} onDone=${d=>{s(!1),d&&l({title:d.title,secret:d.secret}),p()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading context endpoints"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Context endpoints">
          <thead><tr><th scope="col">Title</th><th scope="col">URL</th><th scope="col">Inbox</th><th scope="col">Kind</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(d=>o`
              <tr key=${d.id} data-context-endpoint=${d.title}>
                <td class="strong">${d.title}</td>
                <td><code>${d.url}</code></td>
                <td class="muted">${f(d.inbox_id)}</td>
                <td class="muted">${d.statistics?"Statistics (date range)":"Details"}</td>
                <td class="right">
                  <button type="button" class="button small ghost" onClick=${()=>c(d)} aria-label=${"New secret for "+d.title}>New secret</button>
                  <button type="button" class="button small danger-ghost" onClick=${()=>m(d)} aria-label=${"Delete "+d.title}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No context endpoints</h2><p class="muted">Add one to show your own data about customers in the contact panel.</p></div>`}`}function pr({inboxes:e,onDone:t}){let[n,a]=h(""),[r,s]=h(""),[i,l]=h(""),[p,f]=h(!1),[c,m]=h(null);async function d(u){u.preventDefault();try{t(await b.createContextEndpoint({title:n,url:r,inbox_id:i||void 0,statistics:p}))}catch(g){m(g)}}return o`
    <form class="card form-grid" onSubmit=${d} aria-label="New context endpoint">
      <${O} error=${c} />
      <label class="field"><span>Title</span><input required maxlength="64" value=${n} onInput=${u=>a(u.currentTarget.value)} placeholder="The heading agents see, e.g. Orders" /></label>
      <label class="field"><span>URL</span><input required type="url" value=${r} onInput=${u=>s(u.currentTarget.value)} placeholder="https://crm.example.com/parley/orders" aria-describedby="ctx-url-help" />
        <small id="ctx-url-help" class="muted">Parley POSTs the contact's identifiers and the agent's id here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Inbox</span>
        <select value=${i} onChange=${u=>l(u.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map(u=>o`<option value=${u.id}>${u.name}</option>`)}
        </select></label>
      <label class="switch"><input type="checkbox" checked=${p} onChange=${u=>f(u.currentTarget.checked)} /><span>Statistics: send a date range agents choose</span></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n||!r}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>t(null)}>Cancel</button></div>
    </form>`}var ur=1500;function vs(){let[e,t]=h(null),[n,a]=h([]),[r,s]=h([]),[i,l]=h(!1),[p,f]=h(null),[c,m]=h(null),[d,u]=h(0),g=()=>b.webhooks().then(t).catch(y=>{w(y,"Could not load webhooks"),t([])});$(()=>{g(),b.inboxes().then(a).catch(()=>{}),b.webhookEventTypes().then(s).catch(()=>{})},[]);let v=y=>y?n.find(D=>D.id===y)?.name||y:"Every inbox";async function x(y){try{await b.pingWebhook(y.id),S("Test event sent. Its delivery is in the log below.","success"),m(y.id),u(D=>D+1)}catch(D){w(D)}}async function _(y){if(confirm(`Replace the secret of ${y.url}? For 24 hours requests carry both signatures, the new secret's and the old one's.`))try{let D=await b.rotateWebhookSecret(y.id);f({url:D.url,secret:D.secret}),g()}catch(D){w(D)}}async function k(y,D){try{await b.updateWebhook(y.id,{enabled:D}),S(D?`${y.url} is enabled.`:`${y.url} is disabled.`,"success"),g()}catch(N){w(N)}}async function T(y){if(confirm(`Delete the endpoint ${y.url}? Its pending deliveries and its delivery log are deleted too.`))try{await b.deleteWebhook(y.id),S(`${y.url} is deleted.`,"success"),c===y.id&&m(null),g()}catch(D){w(D)}}let I=e?.find(y=>y.id===c);return o`
    <${L} title="Webhooks" sub="Your URLs that Parley sends events to, signed, retried and logged.">
      <button type="button" class="button primary" onClick=${()=>{l(!i),f(null)}} aria-expanded=${i}>Add endpoint</button>
    <//>
    ${p&&o`
      <div class="card callout" role="status" aria-labelledby="wh-secret-title">
        <h2 id="wh-secret-title">Copy the signing secret now</h2>
        <p>This is the only time the secret of <code>${p.url}</code> is shown. Your receiver checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="webhook-secret">${p.secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Se(p.secret,"Secret copied")}><${he} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${()=>f(null)}>I have stored it</button>
      </div>`}
    ${i&&o`<${fr} inboxes=${n} catalogue=${r}
      onDone=${y=>{l(!1),y&&(f({url:y.url,secret:y.secret}),m(y.id)),g()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading webhooks"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Webhook endpoints">
          <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Inbox</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(y=>o`
              <tr key=${y.id} data-webhook=${y.url} class=${y.enabled?"":"revoked"}>
                <td class="details"><code class="strong">${y.url}</code>${y.description&&o`<div class="muted">${y.description}</div>`}</td>
                <td>${y.event_types.map(D=>o`<span class="tag">${D}</span> `)}</td>
                <td class="muted">${v(y.inbox_id)}</td>
                <td class="webhook-state"><${mr} e=${y} /></td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" aria-expanded=${c===y.id} aria-controls="wh-deliveries"
                    onClick=${()=>m(c===y.id?null:y.id)} aria-label=${"Deliveries to "+y.url}>Deliveries</button>
                  <button type="button" class="button small ghost" onClick=${()=>x(y)} aria-label=${"Send test event to "+y.url}>Send test event</button>
                  <button type="button" class="button small ghost" onClick=${()=>_(y)} aria-label=${"New secret for "+y.url}>New secret</button>
                  ${y.enabled?o`<button type="button" class="button small ghost" onClick=${()=>k(y,!1)} aria-label=${"Disable "+y.url}>Disable</button>`:o`<button type="button" class="button small ghost" onClick=${()=>k(y,!0)} aria-label=${"Enable "+y.url}>Enable</button>`}
                  <button type="button" class="button small danger-ghost" onClick=${()=>T(y)} aria-label=${"Delete "+y.url}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No webhook endpoints</h2><p class="muted">Add one to receive conversations, messages and contacts as they change.</p></div>`}
    ${I&&o`<${hr} key=${I.id} endpoint=${I} refresh=${d} onLoad=${g} />`}`}function mr({e}){return e.enabled?o`<span class="tag tag-ok">Enabled</span>
      ${e.failing_since&&o`<div class="wh-failing" title=${Y(e.failing_since)}>Failing since ${M(e.failing_since)}</div>`}`:e.disabled_reason?o`<span class="tag tag-bad">Disabled by Parley</span><div class="wh-reason">${e.disabled_reason}</div>`:o`<span class="tag tag-muted">Disabled</span>`}function fr({inboxes:e,catalogue:t,onDone:n}){let[a,r]=h(""),[s,i]=h(""),[l,p]=h(""),[f,c]=h(""),[m,d]=h(null),u=s.split(/[\s,]+/).filter(Boolean);async function g(v){v.preventDefault();try{n(await b.createWebhook({url:a,event_types:u,inbox_id:l||void 0,description:f||void 0}))}catch(x){d(x)}}return o`
    <form class="card form-grid" onSubmit=${g} aria-label="New webhook endpoint">
      <${O} error=${m} />
      <label class="field"><span>URL</span><input required type="url" name="url" maxlength="2048" value=${a} onInput=${v=>r(v.currentTarget.value)}
        placeholder="https://crm.example.com/parley-events" aria-describedby="wh-url-help" />
        <small id="wh-url-help" class="muted">Parley POSTs each event here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Event types</span><input required name="event_types" value=${s} onInput=${v=>i(v.currentTarget.value)}
        placeholder="conversation.*, message.created" aria-describedby="wh-types-help" />
        <small id="wh-types-help" class="muted">Separated by commas. A group such as <code>conversation.*</code> is every type of it; <code>*</code> is every type.</small></label>
      <label class="field"><span>Inbox</span>
        <select name="inbox_id" value=${l} onChange=${v=>p(v.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${e.map(v=>o`<option value=${v.id}>${v.name}</option>`)}
        </select></label>
      <label class="field"><span>Description (optional)</span><input name="description" maxlength="500" value=${f}
        onInput=${v=>c(v.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      ${t.length>0&&o`
        <details class="wh-catalogue">
          <summary>The event types</summary>
          <dl>${t.map(v=>o`<dt><code>${v.type}</code></dt><dd class="muted">${v.description}</dd>`)}</dl>
        </details>`}
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!a||!u.length}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${()=>n(null)}>Cancel</button></div>
    </form>`}function hr({endpoint:e,refresh:t,onLoad:n}){let[a,r]=h(null),[s,i]=h(0),[l,p]=h(null),f=()=>b.webhookDeliveries(e.id).then(r).catch(d=>{w(d,"Could not load deliveries"),r([])}).then(n);$(()=>{f()},[t,s]);let c=Math.min(...(a||[]).filter(d=>d.status==="pending").map(d=>d.next_attempt_at?new Date(d.next_attempt_at).getTime():Date.now()));$(()=>{if(!Number.isFinite(c))return;let d=setTimeout(()=>i(u=>u+1),Math.min(Math.max(c-Date.now()+500,ur),6e4));return()=>clearTimeout(d)},[c,a]);async function m(d){try{await b.redeliverWebhook(e.id,d.id),S(`${d.event_type} is sent again.`,"success"),i(u=>u+1)}catch(u){w(u)}}return o`
    <section class="card wh-deliveries" id="wh-deliveries" aria-labelledby="wh-deliveries-title">
      <div class="card-head">
        <div><h2 id="wh-deliveries-title">Deliveries to <code>${e.url}</code></h2>
          <p class="muted">The newest first. Each request is a POST of the event, signed, with the header <code>webhook-id</code> the same on every attempt.</p></div>
        <button type="button" class="button small ghost" onClick=${()=>i(d=>d+1)}><${xn} size=${14} /> Refresh</button>
      </div>
      ${a===null?o`<div class="spinner" role="status" aria-label="Loading deliveries"></div>`:a.length?o`
        <div class="table-wrap">
          <table class="table" aria-label=${"Deliveries to "+e.url}>
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last result</th><th scope="col">Created</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${a.map(d=>o`
                <tr key=${d.id} data-delivery=${d.id} data-event-type=${d.event_type}>
                  <td><span class="strong">${d.event_type}</span><div class="muted"><code>${d.event_id}</code></div></td>
                  <td><span class=${"tag delivery-status "+gr(d.status)} data-status=${d.status}>${d.status}</span>
                    ${d.status==="pending"&&d.next_attempt_at&&o`<div class="muted">next ${M(d.next_attempt_at)}</div>`}</td>
                  <td class="delivery-attempts">${d.attempts}</td>
                  <td>${d.last_status_code?o`HTTP ${d.last_status_code}`:""}${d.last_error&&o`<div class="wh-reason">${d.last_error}</div>`}</td>
                  <td class="muted" title=${Y(d.created_at)}>${M(d.created_at)}</td>
                  <td class="right">
                    <button type="button" class="button small ghost" aria-expanded=${l===d.id}
                      onClick=${()=>p(l===d.id?null:d.id)} aria-label=${"Details of "+d.event_type+" "+d.event_id}>Details</button>
                    <button type="button" class="button small ghost" onClick=${()=>m(d)} aria-label=${"Redeliver "+d.event_type+" "+d.event_id}>Redeliver</button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>
        ${l&&o`<${vr} key=${l+s} endpoint=${e} id=${l} />`}`:o`<p class="muted">No deliveries yet. Send a test event to see one.</p>`}
    </section>`}var gr=e=>e==="delivered"?"tag-ok":e==="failed"?"tag-bad":"tag-muted";function br(e){try{return JSON.stringify(JSON.parse(e),null,2)}catch{return e}}function vr({endpoint:e,id:t}){let[n,a]=h(null);return $(()=>{b.webhookDelivery(e.id,t).then(a).catch(r=>w(r,"Could not load the delivery"))},[t]),n?o`
    <div class="wh-attempts" data-delivery-detail=${n.id}>
      <h3>Request</h3>
      <pre class="wh-request"><code>${[`POST ${e.url}`,"content-type: application/json",`webhook-id: ${n.event_id}`,"webhook-timestamp, webhook-signature: set on each attempt"].join(`
`)}</code></pre>
      ${n.request_body?o`<pre class="wh-request-body"><code>${br(n.request_body)}</code></pre>`:o`<p class="muted wh-no-body">The body, the <code>${n.event_type}</code> event, is not shown: the event is no longer kept.</p>`}
      <h3>Attempts</h3>
      ${n.attempt_log?.length?o`
        <ol class="wh-attempt-list">
          ${n.attempt_log.map(r=>o`
            <li data-attempt=${r.id}>
              <div><span class="strong attempt-result">${r.status_code?`HTTP ${r.status_code}`:"No response"}</span>
                <span class="muted"> · <span class="attempt-latency">${r.latency_ms.toFixed(1)} ms</span> · <span title=${Y(r.attempted_at)}>${M(r.attempted_at)}</span></span></div>
              ${r.error&&o`<div class="wh-reason">${r.error}</div>`}
              <div class="muted">Response${r.response?"":": empty"}</div>
              ${r.response&&o`<pre class="attempt-response"><code>${r.response}</code></pre>`}
            </li>`)}
        </ol>`:o`<p class="muted">No attempt yet.</p>`}
    </div>`:o`<div class="spinner" role="status" aria-label="Loading the delivery"></div>`}var xr={all:"Everything in this workspace that an administrator’s API token can do: read and change agents, inboxes, contacts, conversations, webhooks, tokens, apps and the audit log.","agents:read":"See the agents of this workspace: their names, emails, roles, presence and attributes.","agents:write":"Create agents and bots, and change, disable and delete the agents it created.","agents:manage_all":"Change, disable and delete any agent of this workspace, also the ones it did not create.","inboxes:read":"See the inboxes with their widget settings, the branding and the customer data endpoints.","inboxes:write":"Create inboxes and change their settings, identity rules and allowed sites.","contacts:read":"Read your contacts: visitors’ names, emails, phone numbers and attributes.","contacts:write":"Create, change, merge and erase contacts.","conversations:read":"Read every conversation with its messages and the agents’ private notes.","conversations:write":"Write in conversations as an agent, and assign, transfer, resolve and reopen them.","webhooks:read":"See the webhook endpoints and their delivery logs.","webhooks:write":"Add, change and delete webhook endpoints, and send events to them again.","visitors:write":"Open chat sessions for visitors on your site, as your back-end does for signed-in users.","tokens:read":"See the API tokens and the installed apps (never their secrets).","tokens:write":"Create and revoke API tokens, and install, change and uninstall apps.","audit:read":"Read the audit log: who changed what, and when.","labels:write":"Create, rename and delete labels.","canned_responses:write":"Add, change and delete the shared canned responses.","routing:write":"Change teams, queues and routing rules."},yr=[["agents_total","Agents and bots it created that exist at once",10],["agents_per_day","Agents and bots it may create in 24 hours",10],["requests_per_minute","API requests a minute",600]],In=null;function ys({id:e}){return e?o`<${kr} id=${e} />`:o`<${$r} />`}function $r(){let[e,t]=h(null),[n,a]=h(!1);$(()=>{b.apps().then(t).catch(s=>{w(s,"Could not load apps"),t([])})},[]);let r=s=>K(`${P}/admin/apps/${encodeURIComponent(s.id)}`);return o`
    <${L} title="Apps" sub="Integrations installed from a manifest, each with the rights and quotas you approved.">
      <button type="button" class="button primary" onClick=${()=>a(!n)} aria-expanded=${n}>Install app</button>
    <//>
    ${n&&o`<${wr} onCancel=${()=>a(!1)}
      onInstalled=${s=>{In=s,S(`“${s.name}” is installed.`,"success"),r(s)}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading apps"></div>`:e.length?o`
      <div class="table-wrap">
        <table class="table" aria-label="Apps">
          <thead><tr><th scope="col">Name</th><th scope="col">Publisher</th><th scope="col">Scopes</th><th scope="col">State</th><th scope="col">Installed</th></tr></thead>
          <tbody>
            ${e.map(s=>o`
              <tr key=${s.id} data-app=${s.name} class=${s.enabled?"":"revoked"}>
                <td class="strong"><a href=${`${P}/admin/apps/${encodeURIComponent(s.id)}`} onClick=${i=>{!i.metaKey&&!i.ctrlKey&&(i.preventDefault(),r(s))}}>${s.name}</a></td>
                <td class="muted">${s.manifest.publisher||"—"}</td>
                <td>${s.scopes.map(i=>o`<span class="tag">${i}</span> `)}</td>
                <td>${s.enabled?o`<span class="tag tag-ok">Enabled</span>`:o`<span class="tag tag-muted">Disabled</span>`}</td>
                <td class="muted" title=${Y(s.created_at)}>${M(s.created_at)} by ${s.installed_by}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:!n&&o`<div class="empty"><h2>No apps</h2><p class="muted">Install one from the manifest its publisher gives you.</p></div>`}`}function _r(e){let t;try{t=JSON.parse(e)}catch(n){return{error:`This is not JSON: ${n.message}`}}return!t||typeof t!="object"||Array.isArray(t)?{error:"A manifest is a JSON object, with at least a name and scopes."}:typeof t.name!="string"||!t.name.trim()?{error:"The manifest has no name."}:!Array.isArray(t.scopes)||!t.scopes.length||t.scopes.some(n=>typeof n!="string")?{error:'The manifest asks for no scopes: it must list them in "scopes".'}:{manifest:t}}var xs=64*1024;function wr({onCancel:e,onInstalled:t}){let[n,a]=h(""),[r,s]=h(null),[i,l]=h(""),[p,f]=h(null),[c,m]=h(!1);async function d(v){let x=v.currentTarget.files?.[0];if(x){if(x.size>xs){l(`The file is too large for a manifest (${x.size} bytes; at most ${xs}).`);return}a(await x.text()),l("")}}function u(v){v.preventDefault();let x=_r(n);l(x.error||""),f(null),x.manifest&&s(x.manifest)}async function g(){m(!0);try{t(await b.installApp(r))}catch(v){f(v)}finally{m(!1)}}return r?o`
      <section class="card app-review" aria-labelledby="app-review-title">
        <h2 id="app-review-title">Install “${r.name}”?</h2>
        <${$s} m=${r} />
        <${_s} scopes=${r.scopes} heading="What it will be able to read and do" />
        <${ws} quotas=${r.quotas||{}} />
        <${ks} webhook=${r.webhook} />
        <p>Approving grants all of this; you may narrow it later, never widen it.</p>
        <${O} error=${p} />
        <div class="form-actions">
          <button type="button" class="button primary" onClick=${g} disabled=${c}>Approve and install</button>
          <button type="button" class="button ghost" onClick=${()=>{s(null),f(null)}}>Back to the manifest</button>
          <button type="button" class="button ghost" onClick=${e}>Cancel</button>
        </div>
      </section>`:o`
    <form class="card" onSubmit=${u} aria-label="App manifest">
      ${i&&o`<div class="form-error" role="alert">${i}</div>`}
      <label class="field"><span>Manifest (JSON)</span>
        <textarea name="manifest" rows="12" class="mono" value=${n} onInput=${v=>a(v.currentTarget.value)}
          aria-describedby="app-manifest-help" spellcheck="false"></textarea>
        <small id="app-manifest-help" class="muted">Paste the manifest the app's publisher gives you, or choose its file below. Nothing is installed before you approve it.</small></label>
      <label class="field"><span>Or a manifest file</span><input type="file" name="manifest_file" accept=".json,application/json" onChange=${d} /></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!n.trim()}>Review</button>
        <button type="button" class="button ghost" onClick=${e}>Cancel</button></div>
    </form>`}function $s({m:e}){return o`
    <dl class="app-about">
      ${e.description&&o`<dt>Description</dt><dd>${e.description}</dd>`}
      <dt>Publisher</dt><dd>${e.publisher||"Not given"}</dd>
      ${e.homepage&&o`<dt>Homepage</dt><dd><a href=${/^https:\/\//.test(e.homepage)?e.homepage:void 0} rel="noopener noreferrer" target="_blank">${e.homepage}</a></dd>`}
    </dl>`}function _s({scopes:e,heading:t}){return o`
    <h3>${t}</h3>
    <ul class="app-scopes">
      ${e.map(n=>o`
        <li data-scope=${n}><span class="scope-sentence">${xr[n]||`Something Parley does not know (${n}): the server will refuse to install it.`}</span>
          <code class="muted">${n}</code></li>`)}
    </ul>`}function ws({quotas:e,usage:t}){return o`
    <h3>Quotas</h3>
    <table class="table app-quotas" aria-label="Quotas">
      <thead><tr><th scope="col">Quota</th>${t&&o`<th scope="col">Used</th>`}<th scope="col">Limit</th></tr></thead>
      <tbody>
        ${yr.map(([n,a,r])=>o`
          <tr data-quota=${n}><th scope="row">${a}</th>
            ${t&&o`<td class="quota-used">${n in t?`${t[n]} of ${e[n]||r}`:"counted by each node"}</td>`}
            <td class="quota-limit">${e[n]?e[n]:`${r} (the default)`}</td></tr>`)}
      </tbody>
    </table>`}function ks({webhook:e,id:t}){return o`
    <h3>Webhook</h3>
    ${e?o`
      <p class="app-webhook">Parley sends the events ${e.event_types.map(n=>o`<span class="tag">${n}</span> `)} to <code>${e.url}</code>, signed.
        ${t&&o` <a href=${`${P}/admin/webhooks`} onClick=${n=>{n.preventDefault(),K(`${P}/admin/webhooks`)}}>See its deliveries</a>.`}</p>`:o`<p class="app-webhook muted">None: Parley sends this app no events.</p>`}`}function kr({id:e}){let[t,n]=h(null),[a]=h(()=>{let f=In?.id===e?In:null;return In=null,f}),[r,s]=h(!!a),i=()=>b.app(e).then(n).catch(f=>{w(f,"Could not load the app"),n(!1)});$(()=>{i()},[e]);async function l(f){if(!(!f&&!confirm(`Disable “${t.name}”? Its access tokens stop working and its connections close at once.`)))try{n(await(f?b.enableApp(e):b.disableApp(e)).then(()=>b.app(e))),S(f?`“${t.name}” is enabled.`:`“${t.name}” is disabled.`,"success")}catch(c){w(c)}}async function p(){if(confirm(`Uninstall “${t.name}”? Its access tokens and its webhook are deleted at once; the agents it created remain.`))try{await b.uninstallApp(e),S(`“${t.name}” is uninstalled.`,"success"),K(`${P}/admin/apps`)}catch(f){w(f)}}return t===null?o`<div class="spinner" role="status" aria-label="Loading the app"></div>`:t===!1?o`<div class="empty"><h1>App not found</h1><p><a href=${`${P}/admin/apps`} onClick=${f=>{f.preventDefault(),K(`${P}/admin/apps`)}}>All apps</a></p></div>`:o`
    <${L} title=${t.name} sub=${t.enabled?"Enabled":"Disabled: its access tokens are refused."}>
      <a class="button ghost" href=${`${P}/admin/apps`} onClick=${f=>{f.preventDefault(),K(`${P}/admin/apps`)}}>All apps</a>
      ${t.enabled?o`<button type="button" class="button" onClick=${()=>l(!1)}>Disable</button>`:o`<button type="button" class="button" onClick=${()=>l(!0)}>Enable</button>`}
      <button type="button" class="button danger-ghost" onClick=${p}>Uninstall</button>
    <//>
    ${r&&a&&o`
      <div class="card callout" role="status" aria-labelledby="app-secret-title">
        <h2 id="app-secret-title">Copy the app's secrets now</h2>
        <p>This is the only time they are shown. Give them to the app: it signs in with its client ID and secret${a.webhook_secret?", and checks the signature of each webhook request with the webhook secret":""}.</p>
        <dl class="app-about">
          <dt>Client ID</dt><dd><code class="app-client-id">${a.client_id}</code></dd>
        </dl>
        <div class="snippet"><pre><code class="app-client-secret">${a.client_secret}</code></pre>
          <button type="button" class="button small" onClick=${()=>Se(a.client_secret,"Client secret copied")} aria-label="Copy the client secret"><${he} size=${14} /> Copy</button></div>
        ${a.webhook_secret&&o`
          <div class="snippet"><pre><code class="app-webhook-secret">${a.webhook_secret}</code></pre>
            <button type="button" class="button small" onClick=${()=>Se(a.webhook_secret,"Webhook secret copied")} aria-label="Copy the webhook secret"><${he} size=${14} /> Copy</button></div>`}
        <button type="button" class="button ghost small" onClick=${()=>s(!1)}>I have stored them</button>
      </div>`}
    <section class="card app-detail" aria-labelledby="app-detail-title">
      <h2 id="app-detail-title">Rights, quotas and webhook</h2>
      <${$s} m=${t.manifest} />
      <p class="muted">Client ID <code>${t.client_id}</code> · installed ${M(t.created_at)} by ${t.installed_by}</p>
      <${_s} scopes=${t.scopes} heading="What it can read and do" />
      <${ws} quotas=${t.quotas} usage=${t.usage||{}} />
      <${ks} webhook=${t.manifest.webhook} id=${t.webhook_id} />
    </section>`}function Cs(){let[e,t]=h(null),[n,a]=h(null),r=()=>(Dt(),b.teams().then(t).catch(l=>{w(l,"Could not load teams"),t([])}));$(()=>{r(),b.agents().then(l=>{de.value=l}).catch(()=>{})},[]);let s=l=>de.value.find(p=>p.id===l)?.name||l;async function i(l){if(confirm(`Delete the team ${l.name}? Its agents stay; only the group is deleted.`))try{await b.deleteTeam(l.id),S(`${l.name} is deleted.`,"success"),n?.id===l.id&&a(null),r()}catch(p){w(p,`Could not delete ${l.name}`)}}return o`
    <${L} title="Teams" sub="Groups of agents. A queue gives its conversations to the members of its team.">
      <button type="button" class="button primary" onClick=${()=>a(n==="new"?null:"new")} aria-expanded=${n==="new"}>Add team</button>
    <//>
    ${n&&o`<${Cr} key=${n==="new"?"new":n.id} team=${n==="new"?null:n}
      onDone=${()=>{a(null),r()}} />`}
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
                  <button type="button" class="button small danger-ghost" onClick=${()=>i(l)} aria-label=${"Delete "+l.name}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`:o`<div class="empty"><h2>No teams</h2><p class="muted">Add one, then route a queue to it on the Queues page.</p></div>`}`}function Cr({team:e,onDone:t}){let[n,a]=h(e?.name||""),[r,s]=h(e?.agent_ids||[]),[i,l]=h(null),[p,f]=h(!1),c=g=>s(r.includes(g)?r.filter(v=>v!==g):[...r,g]);async function m(g){g.preventDefault(),f(!0);try{e?await b.updateTeam(e.id,{name:n,agent_ids:r}):await b.createTeam({name:n,agent_ids:r}),S(e?`${n} is saved.`:`${n} is created.`,"success"),t()}catch(v){l(v)}finally{f(!1)}}let d=e?`Edit team ${e.name}`:"New team",u=de.value.filter(g=>!g.disabled||r.includes(g.id));return o`
    <form class="card form-grid" onSubmit=${m} aria-label=${d}>
      <${O} error=${i} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${n}
        onInput=${g=>a(g.currentTarget.value)} placeholder="Support" /></label>
      <fieldset class="field">
        <legend>Agents</legend>
        <div class="scope-grid">
          ${u.map(g=>o`
            <label class="check" key=${g.id}><input type="checkbox" name="agent" value=${g.id} checked=${r.includes(g.id)}
              onChange=${()=>c(g.id)} /> ${g.name}${g.bot?" (bot)":""}</label>`)}
        </div>
        <small class="muted">An agent may be in several teams. Bots are never given conversations by a queue's strategy.</small>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${p||!n.trim()}>${e?"Save team":"Create team"}</button>
        <button type="button" class="button ghost" onClick=${t}>Cancel</button></div>
    </form>`}var Ss=[["manual","Manual — agents take conversations themselves"],["round_robin","Round robin — each agent in turn"],["least_busy","Least busy — the agent holding the fewest"],["longest_idle","Longest idle — the agent assigned longest ago"]],Sr=e=>e==="external"?"External service":Ss.find(([t])=>t===e)?.[1].split(" — ")[0]||e,Ea=["Sunday","Monday","Tuesday","Wednesday","Thursday","Friday","Saturday"];function Ts(){let[e,t]=h(null),[n,a]=h([]),[r,s]=h([]),[i,l]=h(null),p=()=>(Dt(),b.queues().then(t).catch(m=>{w(m,"Could not load queues"),t([])}));$(()=>{p(),b.teams().then(a).catch(()=>{}),b.inboxes().then(s).catch(()=>{})},[]);let f=m=>m?n.find(d=>d.id===m)?.name||m:"Every agent";async function c(m){if(confirm(`Delete the queue ${m.name}?`))try{await b.deleteQueue(m.id),S(`${m.name} is deleted.`,"success"),i?.id===m.id&&l(null),p()}catch(d){w(d,`Could not delete ${m.name}`)}}return o`
    <${L} title="Queues" sub="Where conversations wait, and how they reach agents.">
      <button type="button" class="button primary" onClick=${()=>l(i==="new"?null:"new")} aria-expanded=${i==="new"}>Add queue</button>
    <//>
    ${i&&o`<${Nr} key=${i==="new"?"new":i.id} queue=${i==="new"?null:i} teams=${n}
      onDone=${()=>{l(null),p()}} />`}
    ${e===null?o`<div class="spinner" role="status" aria-label="Loading queues"></div>`:o`
      <div class="table-wrap">
        <table class="table" aria-label="Queues">
          <thead><tr><th scope="col">Queue</th><th scope="col">Team</th><th scope="col">Strategy</th><th scope="col">Capacity</th><th scope="col">Business hours</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${e.map(m=>o`
              <tr key=${m.id} data-queue=${m.name}>
                <td><span class="strong">${m.name}</span>${m.default&&o` <span class="tag tag-muted">Default</span>`}</td>
                <td class="queue-team">${f(m.team_id)}</td>
                <td class="queue-strategy">${Sr(m.strategy)}</td>
                <td class="queue-capacity">${m.capacity?m.capacity+" per agent":"The agents' own"}</td>
                <td class="queue-hours">${m.business_hours?Tr(m.business_hours):"Always open"}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${()=>l(m)} aria-label=${"Edit "+m.name}>Edit</button>
                  ${!m.default&&o`<button type="button" class="button small danger-ghost" onClick=${()=>c(m)} aria-label=${"Delete "+m.name}>Delete</button>`}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}
    ${e!==null&&o`<${zr} queues=${e} inboxes=${r} />`}`}function Tr(e){return`${e.weekly.map((n,a)=>n?.length?`${Ea[a].slice(0,3)} ${n.map(r=>`${r.start}–${r.end}`).join(", ")}`:null).filter(Boolean).join("; ")||"Closed every day"} (${e.time_zone})${e.holidays?.length?`, ${e.holidays.length} holiday${e.holidays.length>1?"s":""}`:""}`}function Ir(e){let t=[];for(let n of e.split(",").map(a=>a.trim()).filter(Boolean)){let a=/^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(n);if(!a)return null;t.push({start:a[1].padStart(5,"0"),end:a[2].padStart(5,"0")})}return t}var Ar=(()=>{try{return Intl.supportedValuesOf("timeZone")}catch{return[]}})(),Er=(()=>{try{return Intl.DateTimeFormat().resolvedOptions().timeZone}catch{return"UTC"}})();function Nr({queue:e,teams:t,onDone:n}){let[a,r]=h(e),[s,i]=h({name:e?.name||"",team_id:e?.team_id||"",strategy:e?.strategy||"round_robin",capacity:String(e?.capacity||0)}),l=e?.business_hours,[p,f]=h(!!l),[c,m]=h(l?.time_zone||Er),[d,u]=h(l?l.weekly.map(N=>(N||[]).map(q=>`${q.start}-${q.end}`).join(", ")):["","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00","09:00-17:00",""]),[g,v]=h((l?.holidays||[]).join(", ")),[x,_]=h(null),[k,T]=h(!1),I=N=>q=>i({...s,[N]:q.currentTarget.value});async function y(N){N.preventDefault();let q=d.map(Ir),re=q.findIndex(j=>j===null);if(p&&re>=0){_({message:`${Ea[re]}: write the opening hours as 09:00-17:30, several separated by commas, or leave it empty when closed.`});return}T(!0),_(null);try{let j={name:s.name,team_id:s.team_id,strategy:s.strategy,capacity:Number(s.capacity)||0},ee=a?await b.updateQueue(a.id,j):await b.createQueue(j);r(ee),p?ee=await b.setBusinessHours(ee.id,{time_zone:c.trim(),weekly:q,holidays:g.split(/[\s,]+/).filter(Boolean)}):a?.business_hours&&await b.deleteBusinessHours(ee.id),S(e?`${s.name} is saved.`:`${s.name} is created.`,"success"),n()}catch(j){_(j)}finally{T(!1)}}let D=e?`Edit queue ${e.name}`:"New queue";return o`
    <form class="card form-grid" onSubmit=${y} aria-label=${D}>
      <${O} error=${x} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${s.name} onInput=${I("name")} placeholder="Support" /></label>
      <label class="field"><span>Team</span>
        <select name="team_id" value=${s.team_id} onChange=${I("team_id")} aria-describedby="q-team-help">
          <option value="">Every agent of the workspace</option>
          ${t.map(N=>o`<option value=${N.id}>${N.name}</option>`)}
        </select>
        <small id="q-team-help" class="muted">Whose members take this queue's conversations.</small></label>
      <label class="field"><span>Strategy</span>
        <select name="strategy" value=${s.strategy} onChange=${I("strategy")}>
          ${Ss.map(([N,q])=>o`<option value=${N}>${q}</option>`)}
          ${s.strategy==="external"&&o`<option value="external">External service — your routing service decides</option>`}
        </select></label>
      <label class="field"><span>Capacity per agent</span>
        <input type="number" name="capacity" min="0" max="1000" step="1" value=${s.capacity} onInput=${I("capacity")} aria-describedby="q-cap-help" />
        <small id="q-cap-help" class="muted">How many of this queue's conversations an agent may hold at once; 0 keeps each agent's own capacity.</small></label>
      <fieldset class="field queue-hours-edit">
        <legend>Business hours</legend>
        <label class="check"><input type="checkbox" name="hours" checked=${p} onChange=${N=>f(N.currentTarget.checked)} /> Open only at set hours</label>
        ${p?o`
          <label class="field"><span>Time zone</span><input required name="time_zone" list="q-zones" maxlength="64" value=${c}
            onInput=${N=>m(N.currentTarget.value)} aria-describedby="q-zone-help" />
            <small id="q-zone-help" class="muted">The hours are wall-clock times of this zone, e.g. Europe/Berlin, so 09:00 stays 09:00 across daylight-saving changes.</small></label>
          <datalist id="q-zones">${Ar.map(N=>o`<option value=${N} />`)}</datalist>
          <div class="hours-week">
            ${Ea.map((N,q)=>o`
              <label class="field" key=${N}><span>${N}</span><input name=${"day-"+q} value=${d[q]} placeholder="Closed"
                onInput=${re=>{let j=[...d];j[q]=re.currentTarget.value,u(j)}} aria-describedby="q-day-help" /></label>`)}
          </div>
          <small id="q-day-help" class="muted">Opening hours as 09:00-17:30; several separated by commas (09:00-12:00, 13:00-17:00); empty when closed.</small>
          <label class="field"><span>Holidays</span><input name="holidays" value=${g} onInput=${N=>v(N.currentTarget.value)}
            placeholder="2026-12-25, 2026-12-26" aria-describedby="q-hol-help" />
            <small id="q-hol-help" class="muted">Closed days, YYYY-MM-DD, separated by commas.</small></label>`:o`<small class="muted">Always open.</small>`}
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${k||!s.name.trim()}>${e?"Save queue":"Create queue"}</button>
        <button type="button" class="button ghost" onClick=${n}>Cancel</button></div>
    </form>`}var Rr=1,Aa=e=>({key:Rr++,queue_id:e.queue_id||"",inbox_id:e.inbox_id||"",verified:e.verified===!0?"true":e.verified===!1?"false":"",attributes:Object.entries(e.attributes||{}).map(([t,n])=>`${t}=${n}`).join(", "),page_url_prefix:e.page_url_prefix||""});function Dr(e){let t={};for(let n of e.split(",").map(a=>a.trim()).filter(Boolean)){let a=n.indexOf("=");if(a<=0)return null;t[n.slice(0,a).trim()]=n.slice(a+1).trim()}return t}function zr({queues:e,inboxes:t}){let[n,a]=h(null),[r,s]=h(null),[i,l]=h(!1),[p,f]=h(!1);$(()=>{b.routingRules().then(x=>a(x.map(Aa))).catch(x=>{w(x,"Could not load the routing rules"),a([])})},[]);let c=x=>{a(x),f(!0)},m=(x,_)=>k=>{let T=[...n];T[x]={...T[x],[_]:k.currentTarget.value},c(T)};function d(x,_,k){let T=[...n];[T[x],T[x+_]]=[T[x+_],T[x]],c(T),setTimeout(()=>{let I=document.querySelector(`[data-rule="${x+_}"]`);(I?.querySelector(`.${k}:not(:disabled)`)||I?.querySelector(".move-up:not(:disabled), .move-down:not(:disabled)"))?.focus()},0)}function u(x){c(n.filter((_,k)=>k!==x)),setTimeout(()=>document.querySelector(`[data-rule="${Math.min(x,n.length-2)}"] select`)?.focus()||document.querySelector(".rules-add")?.focus(),0)}function g(){c([...n,Aa({queue_id:e.find(x=>!x.default)?.id||e[0]?.id})]),setTimeout(()=>document.querySelector(`[data-rule="${n.length}"] select`)?.focus(),0)}async function v(x){x.preventDefault();let _=[];for(let[k,T]of n.entries()){let I=Dr(T.attributes);if(I===null){s({message:`Rule ${k+1}: write the contact attributes as name=value, several separated by commas.`});return}_.push({queue_id:T.queue_id,inbox_id:T.inbox_id||void 0,verified:T.verified===""?void 0:T.verified==="true",attributes:Object.keys(I).length?I:void 0,page_url_prefix:T.page_url_prefix.trim()||void 0})}l(!0),s(null);try{let k=await b.setRoutingRules(_);a(k.rules.map(Aa)),f(!1),S("The routing rules are saved.","success")}catch(k){s(k)}finally{l(!1)}}return o`
    <section class="card rules" aria-labelledby="rules-title">
      <div class="card-head"><div>
        <h2 id="rules-title">Routing rules</h2>
        <p class="muted">When a visitor's first message makes a conversation wait, the first rule whose conditions all hold puts it in that rule's queue; when none does, it goes to its inbox's queue. Empty conditions hold always.</p>
      </div></div>
      ${n===null?o`<div class="spinner" role="status" aria-label="Loading the routing rules"></div>`:o`
        <form onSubmit=${v} aria-label="Routing rules">
          <${O} error=${r} />
          ${!n.length&&o`<p class="muted">No rules: every conversation goes to its inbox's queue.</p>`}
          <ol class="rule-list">
            ${n.map((x,_)=>o`
              <li key=${x.key} data-rule=${_}>
                <fieldset class="rule">
                  <legend>Rule ${_+1}</legend>
                  <div class="rule-grid">
                    <label class="field"><span>Queue</span>
                      <select name="queue_id" value=${x.queue_id} onChange=${m(_,"queue_id")}>
                        ${e.map(k=>o`<option value=${k.id}>${k.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Inbox</span>
                      <select name="inbox_id" value=${x.inbox_id} onChange=${m(_,"inbox_id")}>
                        <option value="">Any inbox</option>
                        ${t.map(k=>o`<option value=${k.id}>${k.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Visitor</span>
                      <select name="verified" value=${x.verified} onChange=${m(_,"verified")}>
                        <option value="">Verified or guest</option>
                        <option value="true">Verified by your site</option>
                        <option value="false">Guest</option>
                      </select></label>
                    <label class="field"><span>Contact attributes</span>
                      <input name="attributes" value=${x.attributes} onInput=${m(_,"attributes")} placeholder="plan=enterprise, language=de"
                        aria-describedby="rules-attr-help" /></label>
                    <label class="field"><span>Page URL starts with</span>
                      <input name="page_url_prefix" type="url" maxlength="2048" value=${x.page_url_prefix} onInput=${m(_,"page_url_prefix")}
                        placeholder="https://shop.example.com/pricing" /></label>
                  </div>
                  <div class="form-actions">
                    <button type="button" class="button small ghost move-up" disabled=${_===0} onClick=${()=>d(_,-1,"move-up")}
                      aria-label=${`Move up rule ${_+1}`}>Move up</button>
                    <button type="button" class="button small ghost move-down" disabled=${_===n.length-1} onClick=${()=>d(_,1,"move-down")}
                      aria-label=${`Move down rule ${_+1}`}>Move down</button>
                    <button type="button" class="button small danger-ghost" onClick=${()=>u(_)} aria-label=${`Remove rule ${_+1}`}>Remove</button>
                  </div>
                </fieldset>
              </li>`)}
          </ol>
          <small id="rules-attr-help" class="muted">Contact attributes: name=value, several separated by commas; each must equal the contact's attribute, as text.</small>
          <div class="form-actions rules-actions">
            <button type="button" class="button rules-add" onClick=${g} disabled=${!e.length}>Add rule</button>
            <button type="submit" class="button primary" disabled=${i||!p}>Save rules</button>
          </div>
        </form>`}
    </section>`}var qr={agents:rs,inboxes:us,tokens:ms,audit:fs,"sign-in":hs,branding:gs,context:bs,webhooks:vs,apps:ys,teams:Cs,queues:Ts};function Is({page:e,id:t}){let n=qr[e],a=ye.value==="admin"||e==="audit"&&ye.value==="supervisor";return o`
    <main class="pane-admin" id="main" tabindex="-1">
      ${n?a?o`<${n} id=${t} />`:o`<div class="empty"><h1>Administrators only</h1><p class="muted">Ask an administrator of your workspace.</p></div>`:o`<div class="empty"><h1>Page not found</h1></div>`}
    </main>`}function L({title:e,sub:t,children:n}){return o`
    <header class="admin-head">
      <div><h1>${e}</h1>${t&&o`<p class="muted">${t}</p>`}</div>
      <div class="admin-head-actions">${n}</div>
    </header>`}function O({error:e}){return e?o`
    <div class="form-error" role="alert">
      ${e.message}
      ${e.fields?.length>0&&o`<ul>${e.fields.map(t=>o`<li>${(t.location||"").replace(/^body\./,"")}: ${t.message}</li>`)}</ul>`}
    </div>`:null}var Pr=/^[A-Za-z][A-Za-z0-9_]{0,63}$/,As=e=>typeof e=="string"?e:JSON.stringify(e);function Es({contact:e,onDone:t}){let[n,a]=h({name:e.name||"",email:e.email||"",phone:e.phone||""}),[r,s]=h(Object.entries(e.attributes||{}).map(([u,g])=>({k:u,v:As(g),orig:g}))),[i,l]=h(null),[p,f]=h(!1),c=u=>g=>a({...n,[u]:g.currentTarget.value}),m=(u,g)=>v=>s(r.map((x,_)=>_===u?{...x,[g]:v.currentTarget.value}:x));async function d(u){u.preventDefault();let g={};for(let v of r){let x=v.k.trim();if(x){if(!Pr.test(x)){l({message:`“${x}” is not a valid attribute name: a letter, then letters, digits or _.`});return}g[x]=v.orig!==void 0&&typeof v.orig!="string"&&v.v===As(v.orig)?v.orig:v.v}}f(!0);try{let v=await Ae(`/api/v1/contacts/${encodeURIComponent(e.id)}`,{...n,attributes:g});ie.value={...ie.value,[v.id]:v},S("Contact saved.","success"),t()}catch(v){l(v)}finally{f(!1)}}return o`
    <form class="contact-edit" onSubmit=${d} aria-label="Edit contact">
      <${O} error=${i} />
      <label class="field"><span>Name</span><input id="contact-edit-name" maxlength="200" value=${n.name} onInput=${c("name")} /></label>
      <label class="field"><span>Email</span><input type="email" id="contact-edit-email" value=${n.email} onInput=${c("email")} /></label>
      <label class="field"><span>Phone</span><input type="tel" id="contact-edit-phone" maxlength="256" value=${n.phone} onInput=${c("phone")} /></label>
      <fieldset class="field">
        <legend>Attributes</legend>
        ${r.map((u,g)=>o`
          <div class="attr-row" key=${g}>
            <input aria-label=${"Attribute "+(g+1)+" name"} class="attr-key" value=${u.k} onInput=${m(g,"k")} placeholder="name" />
            <input aria-label=${"Attribute "+(g+1)+" value"} class="attr-value" value=${u.v} onInput=${m(g,"v")} placeholder="value" />
            <button type="button" class="icon-button" aria-label=${"Remove attribute "+(u.k||g+1)}
              onClick=${()=>s(r.filter((v,x)=>x!==g))}>×</button>
          </div>`)}
        <button type="button" class="button small ghost" id="contact-add-attr" onClick=${()=>s([...r,{k:"",v:""}])}>Add attribute</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button primary small" disabled=${p}>Save</button>
        <button type="button" class="button ghost small" onClick=${t}>Cancel</button>
      </div>
    </form>`}function Ns({contactId:e}){let t=`/api/v1/contacts/${encodeURIComponent(e)}/notes`,[n,a]=h(null),[r,s]=h(""),[i,l]=h(!1);$(()=>{let c=!0;return a(null),E(t).then(m=>c&&a(m.items),()=>c&&a([])),()=>{c=!1}},[e]);async function p(c){if(c.preventDefault(),!!r.trim()){l(!0);try{let m=await R(t,{body:r});a([m,...n||[]]),s("")}catch(m){w(m,"Could not save the note")}finally{l(!1)}}}async function f(c){if(confirm("Delete this note?"))try{await ge(`${t}/${encodeURIComponent(c.id)}`),a(n.filter(m=>m.id!==c.id))}catch(m){w(m,"Could not delete the note")}}return o`
    <section class="panel-section" aria-labelledby="contact-notes">
      <h3 id="contact-notes">Notes <span class="muted small">· only your team sees them</span></h3>
      <form class="note-form" onSubmit=${p}>
        <label class="sr-only" for="contact-note-text">New note on this contact</label>
        <textarea id="contact-note-text" rows="2" maxlength="4000" placeholder="Add a note about this contact…"
          value=${r} onInput=${c=>s(c.currentTarget.value)}></textarea>
        <button type="submit" class="button small" disabled=${i||!r.trim()}>Add note</button>
      </form>
      ${n===null?o`<div class="spinner small" role="status" aria-label="Loading notes"></div>`:n.length>0&&o`<ul class="contact-notes">
            ${n.map(c=>o`<li key=${c.id} class="contact-note" data-note=${c.id}>
              <p class="contact-note-body">${c.body}</p>
              <div class="muted small">${c.author_name} · <time datetime=${c.created_at} title=${Y(c.created_at)}>${M(c.created_at)}</time>
                <button type="button" class="link-button" aria-label=${"Delete note by "+c.author_name} onClick=${()=>f(c)}>Delete</button></div>
            </li>`)}
          </ul>`}
    </section>`}function Mr(e){return String(e).split(/(?=\.)|(?<=@)/).flatMap((t,n)=>n?[o`<wbr />`,t]:[t])}var Rs={pending:"queue",assigned:"open",resolved:"resolved",open:"open"};function An({conv:e}){let t=e.contact_id,[n,a]=h(null),[r,s]=h(!1);$(()=>{s(!1),_e(t);let m=!0;return b.conversations({contact_id:t}).then(d=>{if(m){for(let u of d)u.status!=="open"&&je(u);a(d)}}).catch(()=>m&&a([])),()=>{m=!1}},[t]);let i=ie.value[t],l=me(t),p=i&&!i.missing?Object.entries(i.attributes||{}).filter(([m])=>m!=="unverified_email"):[],f=i&&!i.missing?[["Email",i.email],["Email (unverified)",i.attributes?.unverified_email],["Phone",i.phone],["External ID",i.external_id],["First seen",i.created_at&&M(i.created_at)]].filter(([,m])=>m):[],c=(n||[]).filter(m=>m.id!==e.id&&m.status!=="open");return o`
    <aside class="pane-contact" aria-labelledby="contact-title">
      <div class="contact-card">
        <${ke} id=${t} name=${l} size="lg" />
        <h2 id="contact-title">${l}</h2>
        ${i&&!i.missing&&(i.verified?o`<span class="verified" title="Identified by your website's back-end"><${bn} size=${14} /> Verified</span>`:o`<span class="unverified">Guest · not verified</span>`)}
        ${i&&!i.missing&&!r&&o`<button type="button" class="button small ghost" id="contact-edit" onClick=${()=>s(!0)}>Edit contact</button>`}
      </div>
      ${r&&i&&!i.missing&&o`<section class="panel-section"><${Es} contact=${i} onDone=${()=>s(!1)} /></section>`}
      ${!i&&o`<div class="spinner" role="status" aria-label="Loading contact"></div>`}
      ${i?.missing&&o`<p class="muted small center">Contact details are not available.</p>`}
      ${!r&&f.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-ids">
          <h3 id="contact-ids">Details</h3>
          <dl class="props props-stacked">${f.map(([m,d])=>o`<dt>${m}</dt><dd>${m.startsWith("Email")?Mr(d):d}</dd>`)}</dl>
        </section>`}
      ${!r&&p.length>0&&o`
        <section class="panel-section" aria-labelledby="contact-attrs">
          <h3 id="contact-attrs">Attributes</h3>
          <dl class="props">${p.map(([m,d])=>o`<dt>${m}</dt><dd>${typeof d=="object"?JSON.stringify(d):String(d)}</dd>`)}</dl>
        </section>`}
      ${i&&!i.missing&&o`<${Ns} contactId=${t} />`}
      <${is} conv=${e} />
      <section class="panel-section" aria-labelledby="contact-convs">
        <h3 id="contact-convs">Other conversations</h3>
        ${n===null?o`<div class="spinner small" role="status" aria-label="Loading conversations"></div>`:c.length===0?o`<p class="muted small">None — this is the first.</p>`:o`<ul class="mini-list">
              ${c.map(m=>o`<li key=${m.id}>
                <a href=${fe(Rs[m.status],m.id)} onClick=${d=>{d.preventDefault(),K(fe(Rs[m.status],m.id))}}>
                  <span class=${"status status-"+m.status}>${m.status}</span>
                  <span class="muted small">${ze(m.inbox_id)} · ${M(m.updated_at)}</span>
                </a></li>`)}
            </ul>`}
      </section>
    </aside>`}function Ds({list:e,conversation:t}){$(()=>{Lo(e)},[e,$e.value,De.value]),$(()=>{t?cn(t):xe.value=""},[t]);let n=Xe.value[e]||[],a=en.value&&e!=="resolved"||!Mo(e),r=t?X.value[t]:null;return o`
    <${Xo} list=${e} items=${n} loading=${a} selected=${t} />
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?r?o`<${Cn} key=${t} conv=${r} list=${e} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`
          <div class="empty">
            <div class="empty-icon"><${ht} size=${28} /></div>
            <h2>No conversation selected</h2>
            <p class="muted">Pick one from the list, or press <kbd>j</kbd> to open the first.</p>
          </div>`}
    </main>
    ${r&&o`<${An} key=${r.contact_id} conv=${r} />`}`}function zs({q:e=""}){let[t,n]=h(e);return $(()=>n(e),[e]),o`
    <form role="search" class="nav-search" onSubmit=${a=>{a.preventDefault();let r=t.trim();r&&K(_a(r))}}>
      <label for="search-input" class="sr-only">Search messages</label>
      <input id="search-input" type="search" class="input small" placeholder="Search messages" value=${t}
        maxlength="500" onInput=${a=>n(a.currentTarget.value)} />
    </form>`}function qs({q:e,conversation:t,seq:n}){let[a,r]=h({items:null,cursor:"",loading:!1});$(()=>{let p=!0;return r({items:null,cursor:"",loading:!0}),b.search(e).then(f=>p&&r({items:f.items||[],cursor:f.next_cursor||"",loading:!1}),f=>{p&&(r({items:[],cursor:"",loading:!1}),w(f,"Could not search"))}),()=>{p=!1}},[e]),$(()=>{t?cn(t,n):xe.value=""},[t,n]);let s=async()=>{r(p=>({...p,loading:!0}));try{let p=await b.search(e,a.cursor);r(f=>({items:[...f.items,...p.items||[]],cursor:p.next_cursor||"",loading:!1}))}catch(p){r(f=>({...f,loading:!1})),w(p,"Could not search")}},i=a.items||[],l=t?X.value[t]:null;return o`
    <section class="pane-list" aria-labelledby="list-title">
      <header class="pane-head">
        <h1 id="list-title">Search</h1>
        <span class="muted small" aria-live="polite">${a.items===null?"Searching…":`${i.length}${a.cursor?"+":""} result${i.length===1&&!a.cursor?"":"s"}`}</span>
      </header>
      ${a.items!==null&&!i.length?o`
        <div class="empty small-empty">
          <h2>Nothing found</h2>
          <p class="muted">No message holds every word of “${e}”.</p>
        </div>`:o`
        <ul class="conv-list search-results" aria-label=${"Messages found for "+e}>
          ${i.map(p=>o`<${Lr} key=${p.message.id} h=${p} q=${e} selected=${t===p.conversation_id&&n===p.message.seq} />`)}
          ${a.cursor&&o`
            <li class="conv-more"><button type="button" class="button ghost small block" disabled=${a.loading} onClick=${s}>
              ${a.loading?"Loading…":"More results"}</button></li>`}
        </ul>`}
    </section>
    <main class="pane-conversation" id="main" tabindex="-1" aria-label="Conversation">
      ${t?l?o`<${Cn} key=${t} conv=${l} list="search" target=${n} />`:o`<div class="empty"><div class="spinner" role="status" aria-label="Loading conversation"></div></div>`:o`<div class="empty"><h2>Pick a result</h2><p class="muted">It opens its conversation at that message.</p></div>`}
    </main>
    ${l&&o`<${An} key=${l.contact_id} conv=${l} />`}`}function Lr({h:e,q:t,selected:n}){let a=e.message,r=X.value[e.conversation_id];r&&_e(r.contact_id);let s=a.sender?.type==="contact"?r?me(r.contact_id):"Visitor":a.sender?.display_name||"Agent",i=_a(t,e.conversation_id,a.seq);return o`
    <li>
      <a href=${i} class=${"conv-item search-hit"+(n?" selected":"")} aria-current=${n?"true":void 0}
        data-conversation=${e.conversation_id} data-seq=${a.seq}
        onClick=${l=>{!l.metaKey&&!l.ctrlKey&&(l.preventDefault(),K(i))}}>
        <span class="conv-main">
          <span class="conv-top">
            <span class="conv-name">${a.kind==="note"&&o`<${gt} size=${12} /> `}${s}</span>
            <time class="conv-time" datetime=${a.created_at}>${M(a.created_at)}</time>
          </span>
          <span class="search-snippet">${(e.snippet||[]).map(l=>l.match?o`<mark>${l.text}</mark>`:l.text)}</span>
        </span>
      </a>
    </li>`}var Ur="Hi! Can I help you with anything?";function Or(e,t){let n=Math.max(0,Math.floor((t-Date.parse(e))/6e4));return n<1?"< 1 min":n<60?`${n} min`:`${Math.floor(n/60)} h ${n%60} min`}function Ps(){let[e,t]=h(null),[n,a]=h([]),[r,s]=h(""),i=Z(0),l=vt(15e3),p=async()=>{try{let[d,u]=await Promise.all([E("/api/v1/visitors/online",{limit:200}),E("/api/v1/visitors/recent",{limit:50})]);t(Object.fromEntries(d.items.map(g=>[g.contact_id,g]))),a(u.items)}catch(d){w(d)}},f=()=>{clearTimeout(i.current),i.current=setTimeout(p,300)};$(()=>{let d=()=>Re({type:"subscribe_visitors"}).then(p,()=>{});d();let u=dt(g=>{if(g.type==="ready"&&d(),g.type!=="visitor")return;let v=g.visitor;t(x=>{let _={...x||{}};return g.event==="offline"?delete _[v.contact_id]:_[v.contact_id]?_[v.contact_id]={..._[v.contact_id],...v}:f(),_}),g.event==="offline"&&f()});return()=>{u(),clearTimeout(i.current),Re({type:"unsubscribe_visitors"}).catch(()=>{})}},[]);let c=Object.values(e||{}).sort((d,u)=>Date.parse(d.since)-Date.parse(u.since)),m=ma("conversations:write")||ma("all");return o`
    <main class="pane-admin visitors-page" id="main" tabindex="-1">
      <${L} title="Visitors" sub="People on your site now, live, and the contacts seen recently." />
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
                  <td title=${Y(d.since)}>${Or(d.since,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                  <td><span class=${"tag"+(d.returning?"":" tag-muted")}>${d.returning?"Returning":"New"}</span></td>
                  <td>${m&&(r===d.contact_id?o`<${jr} visitor=${d} onDone=${()=>s("")} />`:o`<button type="button" class="button small" onClick=${()=>s(d.contact_id)}
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
                  <td title=${Y(d.last_seen_at)}>${d.online?"On the site now":M(d.last_seen_at,l)}</td>
                  <td><span class=${"tag"+(d.verified?"":" tag-muted")}>${d.verified?"Verified":"Guest"}</span></td>
                </tr>`)}
            </tbody>
          </table></div>`:o`<p class="muted">No visit has ended yet.</p>`}
      </section>
    </main>`}function jr({visitor:e,onDone:t}){let[n,a]=h(Ur),[r,s]=h(!1),i=Z(null);$(()=>{i.current?.focus(),i.current?.select()},[]);let l=async f=>{f.preventDefault(),s(!0);try{await R(`/api/v1/visitors/${encodeURIComponent(e.contact_id)}/invitations`,{message:n}),S(`Invitation sent to ${e.name||"the guest"}.`,"success"),t()}catch(c){w(c)}finally{s(!1)}},p="invite-"+e.contact_id;return o`
    <form class="invite-form" onSubmit=${l} onKeyDown=${f=>{f.key==="Escape"&&t()}}>
      <label for=${p} class="sr-only">Invitation message</label>
      <textarea id=${p} ref=${i} rows="2" maxlength="1000" required value=${n} onInput=${f=>a(f.target.value)}></textarea>
      <div class="form-actions">
        <button type="submit" class="button small primary" disabled=${r||!n.trim()}>Send invitation</button>
        <button type="button" class="button small ghost" onClick=${t}>Cancel</button>
      </div>
    </form>`}var Na=e=>e.toISOString().slice(0,10),Ms={workspace:"Whole workspace",agent:"Agent",inbox:"Inbox",label:"Label"};function En(e){return e?e<60?`${Math.round(e)} s`:e<3600?`${Math.round(e/60)} min`:e<86400?`${(e/3600).toFixed(1)} h`:`${(e/86400).toFixed(1)} d`:"—"}function Ls(){let e=new Date,[t,n]=h({from:Na(new Date(e.getTime()-6*864e5)),to:Na(e),group_by:"workspace"}),[a,r]=h(null),[s,i]=h(null),[l,p]=h({});$(()=>{b.labels().then(d=>p(Object.fromEntries(d.items.map(u=>[u.id,u.name]))),()=>{})},[]),$(()=>{let d=!0;i(null);let u=Na(new Date(Date.parse(t.to)+864e5));return E("/api/v1/reports/conversations",{from:t.from,to:u,group_by:t.group_by}).then(g=>d&&r(g),g=>d&&(r(null),i(g))),()=>{d=!1}},[t.from,t.to,t.group_by]);let f=d=>u=>n({...t,[d]:u.currentTarget.value}),c=d=>t.group_by==="workspace"?"All conversations":d?t.group_by==="agent"?Fe(d):t.group_by==="inbox"?ze(d):l[d]||d:"Nobody",m=Math.max(1,...(a?.rows||[]).map(d=>d.conversations));return o`
    <main class="pane-admin" id="main" tabindex="-1">
      <${L} title="Reports" sub="Conversations started in the range, how fast they were answered and resolved, and what visitors thought." />
      <form class="report-filters field-row" onSubmit=${d=>d.preventDefault()}>
        <label class="field"><span>From</span><input type="date" id="report-from" value=${t.from} max=${t.to} onChange=${f("from")} /></label>
        <label class="field"><span>To</span><input type="date" id="report-to" value=${t.to} min=${t.from} onChange=${f("to")} /></label>
        <label class="field"><span>Split by</span>
          <select id="report-group" value=${t.group_by} onChange=${f("group_by")}>
            ${Object.entries(Ms).map(([d,u])=>o`<option value=${d}>${u}</option>`)}
          </select></label>
      </form>
      ${s&&o`<div class="form-error" role="alert">${s.message}</div>`}
      ${!a&&!s?o`<div class="spinner" role="status" aria-label="Loading the report"></div>`:a&&o`
        <div class="table-wrap">
          <table class="table report-table" aria-label="Report">
            <thead><tr>
              <th scope="col">${Ms[t.group_by]}</th><th scope="col">Conversations</th><th scope="col">Resolved</th>
              <th scope="col">First response (median · p90)</th><th scope="col">Resolution (median · p90)</th>
              <th scope="col">CSAT</th><th scope="col">Rated</th>
            </tr></thead>
            <tbody>
              ${a.rows.map(d=>o`
                <tr key=${d.key} data-key=${d.key}>
                  <th scope="row">${c(d.key)}</th>
                  <td class="report-count"><span class="report-bar" aria-hidden="true" style=${`width:${Math.round(d.conversations/m*60)}px`}></span>${d.conversations}</td>
                  <td>${d.resolved}</td>
                  <td>${En(d.first_response.median_seconds)} · ${En(d.first_response.p90_seconds)}</td>
                  <td>${En(d.resolution.median_seconds)} · ${En(d.resolution.p90_seconds)}</td>
                  <td class="report-csat">${d.csat_responses?`${d.csat_average.toFixed(1)} / 5`:"—"}</td>
                  <td>${d.csat_responses?`${d.csat_responses} (${Math.round(d.csat_response_rate*100)} %)`:"0"}</td>
                </tr>`)}
            </tbody>
          </table>
        </div>`}
    </main>`}function Ra(){return o`
    <div class="toasts" role="status" aria-live="polite">
      ${ut.value.map(e=>o`
        <div key=${e.id} class=${"toast toast-"+e.kind} role=${e.kind==="error"?"alert":void 0}>
          <span>${e.text}</span>
          <button type="button" class="icon-button" aria-label="Dismiss" onClick=${()=>ga(e.id)}><${bt} size=${16} /></button>
        </div>`)}
    </div>`}var We=A(!1),Fr=[["j","Next conversation"],["k","Previous conversation"],["r","Reply"],["n","Write a private note"],["t","Take the conversation"],["e","Resolve the conversation"],["l","Add a label"],["/","Insert a canned response (in the reply box)"],["1 – 4","Queue, Mine, All open, Resolved"],["5","Snoozed"],["Enter","Send (Shift+Enter for a new line)"],["Esc","Leave the reply box"],["?","Show these shortcuts"]],Nn=e=>window.dispatchEvent(new CustomEvent("parley:command",{detail:e}));function Us(e){if(!e)return!1;let t=e.tagName;return t==="INPUT"||t==="TEXTAREA"||t==="SELECT"||e.isContentEditable}function Os(e){let t=et.value;if(t.section!=="inbox")return;let n=Xe.value[t.list]||[];if(!n.length)return;let a=n.findIndex(r=>r.id===t.conversation);a=a<0?e>0?0:n.length-1:Math.min(n.length-1,Math.max(0,a+e)),K(fe(t.list,n[a].id))}function js(){$(()=>{let e=t=>{if(!J.value||t.defaultPrevented||t.metaKey||t.ctrlKey||t.altKey)return;if(t.key==="Escape"&&Us(document.activeElement)){document.activeElement.blur();return}if(Us(t.target)||We.value)return;let n={1:"queue",2:"mine",3:"open",4:"resolved",5:"snoozed"};switch(t.key){case"j":Os(1);break;case"k":Os(-1);break;case"r":Nn("reply");break;case"n":Nn("note");break;case"l":{let a=document.getElementById("add-label");a&&(t.preventDefault(),a.focus());break}case"t":Nn("take");break;case"e":Nn("resolve");break;case"?":We.value=!0;break;default:if(n[t.key]){K(fe(n[t.key]));break}return}t.preventDefault()};return document.addEventListener("keydown",e),()=>document.removeEventListener("keydown",e)},[])}function Fs(){let e=Z(null);return $(()=>{let t=e.current;t&&(We.value&&!t.open&&t.showModal(),!We.value&&t.open&&t.close())},[We.value]),o`
    <dialog ref=${e} class="dialog" aria-labelledby="shortcuts-title" onClose=${()=>{We.value=!1}}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table class="shortcut-table">
        <tbody>
          ${Fr.map(([t,n])=>o`<tr><td><kbd>${t}</kbd></td><td>${n}</td></tr>`)}
        </tbody>
      </table>
      <form method="dialog" class="dialog-actions"><button class="button">Close</button></form>
    </dialog>`}var Wr=[["online","Online"],["away","Away"],["offline","Offline"]],tt=A(""),Ws="parley.console.presence";function Hs(){Vs(localStorage.getItem(Ws)||"online",!0)}async function Bs(){try{await b.presence("offline")}catch{}tt.value=""}async function Vs(e,t){let n=tt.value;tt.value=e,t||localStorage.setItem(Ws,e);try{let a=await b.presence(e);a?.status?tt.value=a.status:a?.presence&&(tt.value=a.presence)}catch(a){tt.value=n,t||w(a,"Could not change your status")}}function Ks({onLogout:e}){let t=J.value?.agent||{},n=tt.value||t.presence||"offline";return o`
    <div class="user">
      <div class="user-id">
        <span class="avatar-wrap"><${ke} id=${t.id} name=${t.name} /><span class=${"presence-dot p-"+n} aria-hidden="true"></span></span>
        <div class="user-text">
          <span class="user-name">${t.name}</span>
          <span class="user-role">${t.role}</span>
        </div>
      </div>
      <fieldset class="presence">
        <legend class="sr-only">Your status</legend>
        ${Wr.map(([a,r])=>o`
          <label class=${"presence-option"+(n===a?" checked":"")}>
            <input type="radio" name="presence" value=${a} checked=${n===a}
              onChange=${()=>Vs(a)} />
            <span class=${"presence-dot p-"+a} aria-hidden="true"></span>${r}
          </label>`)}
      </fieldset>
      <div class="user-actions">
        ${Le.value!=="granted"&&Le.value!=="unsupported"?o`
          <button type="button" class="button ghost small" onClick=${async()=>{await To(),Le.value==="granted"?S("Notifications are on.","success"):Le.value==="denied"&&S("Notifications are blocked in your browser settings.","error")}}><${Bo} size=${16} /> Enable notifications</button>`:null}
        <label class="switch">
          <input type="checkbox" checked=${Et.value} onChange=${a=>Io(a.currentTarget.checked)} />
          <span>Sound for new chats</span>
        </label>
        <div class="user-buttons">
          <button type="button" class="button ghost small" onClick=${()=>{We.value=!0}} aria-keyshortcuts="?">
            <${Qo} size=${16} /> Shortcuts</button>
          <button type="button" class="button ghost small" onClick=${e}><${Vo} size=${16} /> Sign out</button>
        </div>
      </div>
    </div>`}var Hr={queue:un,mine:mn,open:ht,snoozed:vn,resolved:fn};function Qs(){if($(()=>{$a()},[]),$(()=>{J.value&&(Wo(),Uo(),Hs())},[J.value?.agent?.id]),js(),!ua.value)return o`<div class="splash" role="status" aria-live="polite"><${yn} /><span class="sr-only">Loading…</span></div>`;if(!J.value)return o`<${Go} onLoggedIn=${async()=>{await $a(),!et.value.list&&et.value.section!=="admin"&&K(fe("queue"),{replace:!0})}} /><${Ra} />`;let e=et.value;return o`
    <a class="skip-link" href="#main">Skip to content</a>
    <div class="shell">
      <${Br} />
      ${e.section==="admin"?o`<${Is} page=${e.page} id=${e.id} />`:e.section==="visitors"?o`<${Ps} />`:e.section==="reports"?o`<${Ls} />`:e.section==="search"?o`<${qs} q=${e.q} conversation=${e.conversation} seq=${e.seq} />`:o`<${Ds} list=${e.list} conversation=${e.conversation} />`}
    </div>
    <${Fs} />
    <${Ra} />`}function Br(){let e=et.value,t=Xe.value,n={queue:t.queue.length,mine:t.mine.length,open:t.open.length,snoozed:null,resolved:null},a=t.mine.reduce((l,p)=>l+(oe.value[p.id]||0),0),r=ye.value==="admin",s=r||ye.value==="supervisor",i=(l,p,f,c,m)=>o`
    <li><a href=${l} class=${"nav-link"+(c?" active":"")} aria-current=${c?"page":void 0}
      onClick=${d=>{!d.metaKey&&!d.ctrlKey&&(d.preventDefault(),K(l))}}>
      <${f} /><span class="nav-label">${p}</span>${m}</a></li>`;return o`
    <nav class="nav" aria-label="Console">
      <div class="nav-brand"><${$n} /></div>
      <${Vr} />
      <${zs} q=${e.section==="search"?e.q:""} />
      <h2 class="nav-heading" id="nav-conv">Conversations</h2>
      <ul class="nav-list" aria-labelledby="nav-conv">
        ${["queue","mine","open","snoozed","resolved"].map(l=>i(fe(l),Pt[l],Hr[l],e.section==="inbox"&&e.list===l,o`${l==="mine"&&a>0?o`<span class="badge badge-accent" aria-label=${a+" unread"}>${a}</span>`:n[l]?o`<span class="count" aria-label=${n[l]+" conversations"}>${n[l]}</span>`:null}`))}
        ${i(`${P}/visitors`,"Visitors",hn,e.section==="visitors")}
      </ul>
      ${s&&o`
        <h2 class="nav-heading" id="nav-admin">Admin</h2>
        <ul class="nav-list" aria-labelledby="nav-admin">
          ${r&&i(`${P}/admin/agents`,"Agents",hn,e.section==="admin"&&e.page==="agents")}
          ${r&&i(`${P}/admin/inboxes`,"Inboxes",ka,e.section==="admin"&&e.page==="inboxes")}
          ${r&&i(`${P}/admin/teams`,"Teams",hn,e.section==="admin"&&e.page==="teams")}
          ${r&&i(`${P}/admin/queues`,"Queues",qt,e.section==="admin"&&e.page==="queues")}
          ${r&&i(`${P}/admin/tokens`,"API tokens",wa,e.section==="admin"&&e.page==="tokens")}
          ${r&&i(`${P}/admin/sign-in`,"Sign-in",wa,e.section==="admin"&&e.page==="sign-in")}
          ${r&&i(`${P}/admin/branding`,"Branding",ka,e.section==="admin"&&e.page==="branding")}
          ${r&&i(`${P}/admin/context`,"Customer data",qt,e.section==="admin"&&e.page==="context")}
          ${r&&i(`${P}/admin/webhooks`,"Webhooks",gn,e.section==="admin"&&e.page==="webhooks")}
          ${r&&i(`${P}/admin/apps`,"Apps",bn,e.section==="admin"&&e.page==="apps")}
          ${i(`${P}/admin/audit`,"Audit log",qt,e.section==="admin"&&e.page==="audit")}
          ${i(`${P}/reports`,"Reports",qt,e.section==="reports")}
        </ul>`}
      <div class="nav-foot">
        <${Ks} onLogout=${async()=>{await Bs();let l=await E("/api/v1/auth/options").catch(()=>null);try{await xo()}catch(p){w(p)}Yo({endSessionURL:l?.oidc?.end_session_url||""}),sn(),S("You are signed out.","info")}} />
      </div>
    </nav>`}function Vr(){let e=Ye.value,t={online:"Live",connecting:"Connecting…",offline:"Offline — reconnecting"}[e];return o`
    <div class=${"conn conn-"+e} role="status" aria-live="polite" data-connection=${e}>
      <span class="conn-dot" aria-hidden="true"></span><span>${t}</span>
      ${e==="offline"&&o`<button type="button" class="icon-button" aria-label="Reconnect now" onClick=${_o}><${xn} size=${14} /></button>`}
    </div>`}bo(()=>{J.value&&(sn(),S("Your session has ended. Please sign in again.","error"))});Wn(o`<${Qs} />`,document.getElementById("app"));

// Before the app starts: the loading message in index.html stays until the app replaces it. If
// the app has not started after a while, or a file failed to load, say so in Chinese instead of
// leaving a blank page. No data is involved; this file runs before the app.
(function () {
  var started = false;
  addEventListener('TrunkApplicationStarted', function () { started = true; });
  function fail(reason) {
    var boot = document.getElementById('boot');
    if (!boot || started) return;
    boot.className = 'boot failed';
    boot.setAttribute('role', 'alert');
    boot.textContent = '';
    var p = document.createElement('p');
    p.textContent = '页面没能启动（' + reason + '）。请检查网络后重新打开本页；已保存在本机的草稿不会丢失。若仍不行，请换用较新版本的浏览器（Chrome、Edge、360 极速模式等）。';
    boot.appendChild(p);
  }
  addEventListener('error', function (e) {
    var t = e && e.target;
    if (t && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) fail('文件加载失败');
  }, true);
  if (typeof WebAssembly !== 'object') {
    addEventListener('DOMContentLoaded', function () { fail('此浏览器不支持 WebAssembly'); });
  }
  setTimeout(function () { fail('加载超时'); }, 90000);
})();

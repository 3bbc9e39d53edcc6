// Starts the township workspace (township.js, loaded just before this file, defines
// `wasm_bindgen`): compiles township_bg.wasm, whose start function mounts the workspace into
// #township-root. A failure is said where the workspace would have appeared.
wasm_bindgen('./township_bg.wasm').catch((err) => {
  const root = document.getElementById('township-root');
  if (root) {
    root.dataset.failed = 'true';
    root.textContent = '乡镇初审工作区未能加载，请检查网络后刷新页面重试（数据只保存在本机，不会上传）。';
  }
  console.warn('township', err);
});

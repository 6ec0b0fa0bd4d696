/**
 * The small control drawn beside the API Key field: "Fill from SmartRecruiters Admin Helper".
 * Its shadow root keeps the page's styles out. It acts only on a trusted click or key (a page's
 * `click()` does nothing), and all it does is ask for the picker, which follows the save
 * prompt's rules; nothing secret is in it and the key never passes through it. So the root is
 * open, as any page's control is to assistive technology and to tests finding it by role: a
 * page that relabels it, or draws a look-alike, still only opens the guarded picker.
 */
export function drawFillControl(beside: Element, label: string, onUse: () => void): { remove(): void; isAttached(): boolean } {
  const host = document.createElement('span');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent =
    ':host{all:initial;display:inline-block;margin:4px 0 0 8px;vertical-align:middle}' +
    'button{font:13px system-ui,sans-serif;white-space:nowrap;padding:4px 10px;border-radius:6px;border:1px solid #1a73e8;' +
    'background:#fff;color:#1a4fa0;cursor:pointer}button:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.isTrusted) onUse();
  });
  root.append(style, button);
  beside.after(host);
  return {
    remove: () => host.remove(),
    isAttached: () => host.isConnected && host.previousElementSibling === beside,
  };
}

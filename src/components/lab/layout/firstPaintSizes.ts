/**
 * An inline script that the server's render puts at the end of the lab's markup, so that it runs before the lab is
 * first painted: it gives each pane the size it will have once React has hydrated and the panel library has laid it
 * out, so that hydration moves nothing on screen.
 *
 * The server renders the panel library's defaults (`flex-basis: 22%` beside `flex-grow: 1`), which the library then
 * turns into shares of the space left beside the separators (`flex: 22 1 0px`, `flex: 78 1 0px`), a few pixels
 * apart; and a learner's remembered sizes (localStorage, which the server cannot read) replace the defaults. The
 * script writes those shares, remembered or default, as the library will. Storage keys follow the library's
 * `useDefaultLayout` (`react-resizable-panels:<id>:<panel ids>`); the group names follow LabLayout.tsx.
 *
 * It is one fixed text on every page (the lab's layout id comes from the markup), so that the one hash the content
 * security policy takes of it on the lab page lets it run on a case page too. It has no `<` or `&`, which HTML would
 * otherwise have to escape.
 */
export const FIRST_PAINT_SIZES_SCRIPT = `(function () {
  var lab = document.currentScript && document.currentScript.parentElement;
  if (!lab) return;
  function remembered(key) {
    try {
      var sizes = JSON.parse(localStorage.getItem('react-resizable-panels:' + lab.dataset.layoutId + ':' + key) || '{}');
      return sizes && typeof sizes === 'object' ? sizes : {};
    } catch (error) {
      return {};
    }
  }
  [['.lab__columns', 'columns:side:work'], ['.lab__rows', 'rows:editor:results']].forEach(function (group) {
    var element = lab.querySelector(group[0]);
    if (!element) return;
    var sizes = remembered(group[1]);
    var left = 100;
    var filler = null;
    Array.prototype.forEach.call(element.children, function (panel) {
      if (!panel.hasAttribute('data-panel')) return;
      var size = typeof sizes[panel.id] === 'number' ? sizes[panel.id] : parseFloat(panel.style.flexBasis);
      if (size > 0) {
        left -= size;
        panel.style.flex = size + ' 1 0px';
      } else {
        filler = panel;
      }
    });
    if (filler) filler.style.flex = left + ' 1 0px';
  });
})();`;

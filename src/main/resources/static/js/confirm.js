/*
 * Every page:
 * - asks before a form that removes, revokes or approves something is sent: a form with
 *   data-confirm="question" is only submitted when the person says yes;
 * - makes a table or code block that is wider than its place (and so scrolls sideways) reachable
 *   by keyboard, so it can be scrolled without a mouse (WCAG 2.1.1), and names it by its caption.
 */
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);

  function scrollers() {
    document.querySelectorAll('.table-responsive, .vk-method pre, .vk-scroll').forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute('tabindex')) {
        el.setAttribute('tabindex', '0');
        el.dataset.vkScroll = 'true';
        if (!el.hasAttribute('aria-label') && !el.hasAttribute('role')) {
          var caption = el.querySelector('caption');
          el.setAttribute('role', 'region');
          el.setAttribute('aria-label', caption ? caption.textContent.trim()
            : (document.documentElement.lang === 'en' ? 'Scrollable table' : 'Tabel, schuift opzij'));
        }
      } else if (!scrolls && el.dataset.vkScroll === 'true') {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
        delete el.dataset.vkScroll;
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scrollers);
  } else {
    scrollers();
  }
  window.addEventListener('resize', scrollers);
  window.addEventListener('load', scrollers);
})();

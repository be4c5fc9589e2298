/*
 * Asks before a form that removes, revokes or approves something is sent: a form with
 * data-confirm="question" is only submitted when the person says yes.
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
})();

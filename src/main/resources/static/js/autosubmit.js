/* Forms marked data-autosubmit send themselves when a choice changes (the button stays for keyboards
   and for browsers without script). A new level or indicator starts from its newest year. */
(function () {
  'use strict';
  document.querySelectorAll('form[data-autosubmit]').forEach(function (form) {
    form.querySelectorAll('select').forEach(function (s) {
      s.addEventListener('change', function () {
        if (s.name === 'level' || s.name === 'indicator') {
          var year = form.querySelector('select[name=year]');
          if (year) { year.disabled = true; }
        }
        if (s.name === 'level') {
          var indicator = form.querySelector('select[name=indicator]');
          if (indicator) { indicator.disabled = false; }
        }
        form.submit();
      });
    });
  });
})();

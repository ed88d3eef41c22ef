// Small helpers that make the pages nicer with JavaScript and are never needed without it.
(function () {
  'use strict';
  // Suggestions for the search field: a native <datalist> filled from /suche/vorschlaege (accessible by default).
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.createElement('datalist');
    list.id = input.id + '-vorschlaege';
    input.after(list);
    input.setAttribute('list', list.id);
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + '?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (body) {
            list.replaceChildren();
            (body.suggestions || []).forEach(function (s) {
              var option = document.createElement('option');
              option.value = s.text;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a help, not a need */ });
      }, 150);
    });
  });
})();

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
  // "Bedarf formulieren": the recommendations follow what is typed (the button that asks for them works without
  // JavaScript). Only the status line is announced, not the whole list.
  document.querySelectorAll('form[data-live-recommendations]').forEach(function (form) {
    var region = document.getElementById('empfehlungen');
    if (!region) { return; }
    var timer = null;
    var last = '';
    var refresh = function () {
      var data = new URLSearchParams(new FormData(form));
      var key = data.toString();
      var title = (form.querySelector('[name=titel]') || {}).value || '';
      var text = (form.querySelector('[name=beschreibung]') || {}).value || '';
      if (key === last || (title.trim().length < 4 && text.trim().length < 10)) { return; }
      last = key;
      region.setAttribute('aria-busy', 'true');
      fetch(form.dataset.liveRecommendations, { method: 'POST', body: data,
        headers: { 'X-Requested-With': 'fetch', Accept: 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          var parsed = new DOMParser().parseFromString(html, 'text/html');
          var lists = parsed.getElementById('empfehlungen-listen');
          var status = parsed.getElementById('empfehlungen-status');
          var mine = document.getElementById('empfehlungen-listen');
          if (lists && mine) { mine.replaceChildren.apply(mine, Array.from(lists.childNodes)); }
          if (status) { document.getElementById('empfehlungen-status').textContent = status.textContent; }
        })
        .catch(function () { /* the button still works */ })
        .finally(function () { region.removeAttribute('aria-busy'); });
    };
    var later = function () { clearTimeout(timer); timer = setTimeout(refresh, 600); };
    form.addEventListener('input', later);
    form.addEventListener('change', later);
  });
  // A form with errors: the focus goes to the summary at the top, whose links lead to the fields.
  var summary = document.getElementById('fehler');
  if (summary) {
    summary.focus();
    // a link of the summary puts the focus into its field (a group of checkboxes: its first box)
    summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var target = document.getElementById(link.getAttribute('href').substring(1));
        if (!target) { return; }
        var field = target.matches('input, select, textarea') ? target : target.querySelector('input, select, textarea');
        if (field) {
          event.preventDefault();
          field.focus();
          field.scrollIntoView({ block: 'center' });
        }
      });
    });
  }
})();

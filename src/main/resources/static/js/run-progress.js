// Polls the run's status every second while it runs; reloads the page (steps, files) once it has finished.
(function () {
  var box = document.getElementById('progress');
  var label = document.getElementById('run-status');
  if (!box) { return; }
  var url = box.getAttribute('data-status-url');
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('status ' + r.status); } return r.json(); })
      .then(function (s) {
        if (label) { label.textContent = s.status; }
        if (s.running) { setTimeout(poll, 1000); } else { window.location.reload(); }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();

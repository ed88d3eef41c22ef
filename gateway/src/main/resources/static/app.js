'use strict';

async function loadTopics() {
  const response = await fetch('/api/catalog/topics');
  if (!response.ok) return [];
  return response.json();
}

async function loadCases(topics) {
  const status = document.getElementById('cases-status');
  const list = document.getElementById('cases');
  try {
    const response = await fetch('/api/catalog/cases?size=20');
    if (!response.ok) throw new Error(String(response.status));
    const page = await response.json();
    const labels = new Map(topics.map(t => [t.id, t.label_de]));
    list.replaceChildren(...page.items.map(c => {
      const item = document.createElement('li');
      const title = document.createElement('h3');
      title.textContent = c.title;
      const teaser = document.createElement('p');
      teaser.textContent = c.teaser;
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = [c.municipalityName || c.districtName, (c.topics || []).map(t => labels.get(t) || t).join(', ')]
        .filter(Boolean).join(' · ');
      item.append(title, teaser, meta);
      return item;
    }));
    status.textContent = page.items.length ? '' : 'Noch keine Praxisbeispiele veröffentlicht.';
  } catch (e) {
    status.textContent = 'Die Praxisbeispiele können gerade nicht geladen werden. Bitte versuchen Sie es später erneut.';
  }
}

function renderTopicChoices(topics) {
  const fieldset = document.getElementById('topics');
  for (const topic of topics) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'topics';
    box.value = topic.id;
    label.append(box, ' ', topic.label_de);
    fieldset.append(label);
  }
}

document.getElementById('subscribe').addEventListener('submit', async event => {
  event.preventDefault();
  const form = event.target;
  const status = document.getElementById('subscribe-status');
  const topics = [...form.querySelectorAll('input[name=topics]:checked')].map(b => b.value);
  if (topics.length === 0) {
    status.textContent = 'Bitte wählen Sie mindestens ein Thema.';
    return;
  }
  const response = await fetch('/api/notifications/subscriptions', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({email: form.email.value, topics})
  });
  status.textContent = response.status === 202
    ? 'Vielen Dank! Bitte bestätigen Sie Ihr Abonnement über den Link in der E-Mail, die wir Ihnen gesendet haben.'
    : 'Das hat leider nicht geklappt. Bitte prüfen Sie Ihre Angaben.';
});

loadTopics().then(topics => {
  renderTopicChoices(topics);
  return loadCases(topics);
});

/**
 * On a story page, marks the timeline events that are new since the reader's last visit. What was
 * seen is kept in this browser's localStorage only (no cookie, nothing sent): the ids of the
 * events shown, per story. Without JavaScript, or on a first visit, nothing is marked. A mark
 * takes no room (the story page's CSS places it in the gap below its event), so marking moves
 * nothing that the reader may already be reading.
 */
const timeline = document.querySelector<HTMLElement>('[data-story]');
if (timeline) {
  const key = `backstory:story:${timeline.dataset['story']}`;
  const events = [...timeline.querySelectorAll<HTMLElement>('li[id^="event-"]')];
  let seen: unknown;
  try {
    seen = JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    seen = null; // storage off or unreadable: mark nothing
  }
  if (Array.isArray(seen)) {
    for (const event of events) {
      if (seen.includes(event.id)) continue;
      const mark = document.createElement('strong');
      mark.className = 'new-since';
      mark.textContent = 'New since your last visit';
      event.classList.add('is-new');
      event.prepend(mark);
    }
  }
  try {
    localStorage.setItem(key, JSON.stringify(events.map((event) => event.id)));
  } catch {
    // Storage full or off: the next visit marks nothing.
  }
}

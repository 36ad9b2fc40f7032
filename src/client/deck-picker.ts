/**
 * The deck index (src/components/deck/DeckIndex.astro): area, snapshot and topics → the deck's
 * address, shown as a link to open or copy. Every topic chosen is the whole deck (no `?topik=`).
 */
const form = document.querySelector<HTMLFormElement>('[data-deck-picker]');

function deckAddress(root: string, area: string, release: string, topics: readonly string[], all: number): string {
  const query = topics.length > 0 && topics.length < all ? `?topik=${topics.join(',')}` : '';
  return `${root}${release}/${area}/${query}`;
}

if (form) {
  const update = () => {
    const area = form.querySelector<HTMLSelectElement>('[data-deck-area]')!.value;
    const release = form.querySelector<HTMLSelectElement>('[data-deck-release]')!.value;
    const boxes = [...form.querySelectorAll<HTMLInputElement>('[data-deck-topic]')];
    const href = deckAddress(form.dataset.root ?? '/presentasi/', area, release, boxes.filter((b) => b.checked).map((b) => b.value), boxes.length);
    const link = document.createElement('a');
    link.href = href;
    link.textContent = new URL(href, location.href).href;
    form.querySelector('[data-deck-link]')!.replaceChildren(link);
  };
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
    location.href = form.querySelector<HTMLAnchorElement>('[data-deck-link] a')!.href;
  });
  update();
}

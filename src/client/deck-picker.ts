/**
 * The deck index (src/components/deck/DeckIndex.astro): area, snapshot and topics → the deck's
 * address, shown as a link to open or copy. Every topic chosen is the whole deck (no `?topik=`).
 * The form is rendered hidden (it cannot work without this script) and shown here. A city/regency
 * (an option marked data-newest-only) has decks for the newest release only, the first option of
 * the snapshot select: picking one selects that release, disables the others and says why.
 */
const form = document.querySelector<HTMLFormElement>('[data-deck-picker]');

function deckAddress(root: string, area: string, release: string, topics: readonly string[], all: number): string {
  const query = topics.length > 0 && topics.length < all ? `?topik=${topics.join(',')}` : '';
  return `${root}${release}/${area}/${query}`;
}

/** Limits the snapshot choice to the newest release while a newest-only area is picked. */
function limitReleases(areaSelect: HTMLSelectElement, releaseSelect: HTMLSelectElement, note: HTMLElement): void {
  const newestOnly = areaSelect.selectedOptions[0]?.hasAttribute('data-newest-only') ?? false;
  [...releaseSelect.options].forEach((option, i) => {
    option.disabled = newestOnly && i > 0;
  });
  if (newestOnly) releaseSelect.selectedIndex = 0;
  note.hidden = !newestOnly;
}

if (form) {
  form.hidden = false;
  const areaSelect = form.querySelector<HTMLSelectElement>('[data-deck-area]')!;
  const releaseSelect = form.querySelector<HTMLSelectElement>('[data-deck-release]')!;
  const update = () => {
    limitReleases(areaSelect, releaseSelect, form.querySelector<HTMLElement>('[data-deck-city-note]')!);
    const area = areaSelect.value;
    const release = releaseSelect.value;
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

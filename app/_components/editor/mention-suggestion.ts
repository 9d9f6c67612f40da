import type { MentionOptions } from "@tiptap/extension-mention";

type Person = { id: string; name: string; jobTitle: string; organisation: string };

/**
 * Suggestions while typing "@name": members of the community, in a listbox under the caret.
 * Arrow keys move, Enter or Tab picks, Escape closes. Changes are announced politely.
 */
export function mentionSuggestion(slug: string): MentionOptions["suggestion"] {
  return {
    items: async ({ query }) => {
      const response = await fetch(`/api/v1/communities/${encodeURIComponent(slug)}/mentions?q=${encodeURIComponent(query)}`);
      if (!response.ok) return [];
      return ((await response.json()) as { people: Person[] }).people;
    },
    render: () => {
      let list: HTMLUListElement | null = null;
      let status: HTMLDivElement | null = null;
      let people: Person[] = [];
      let selected = 0;
      let pick: (person: Person) => void = () => {};
      const draw = () => {
        if (!list) return;
        list.replaceChildren(
          ...people.map((person, i) => {
            const item = document.createElement("li");
            item.id = `mention-option-${i}`;
            item.setAttribute("role", "option");
            item.setAttribute("aria-selected", String(i === selected));
            item.className = `cursor-pointer px-3 py-1 ${i === selected ? "bg-brand text-white" : ""}`;
            item.textContent = [person.name, person.jobTitle].filter(Boolean).join(", ");
            item.addEventListener("mousedown", (event) => {
              event.preventDefault();
              pick(person);
            });
            return item;
          }),
        );
        if (status) status.textContent = people.length ? `${people.length} people found. ${people[selected]?.name} selected.` : "Nobody found.";
      };
      const place = (rect: DOMRect | null | undefined) => {
        if (!list || !rect) return;
        list.style.left = `${rect.left + window.scrollX}px`;
        list.style.top = `${rect.bottom + window.scrollY + 4}px`;
      };
      return {
        onStart: (props) => {
          list = document.createElement("ul");
          list.setAttribute("role", "listbox");
          list.setAttribute("aria-label", "People to mention");
          list.className = "absolute z-50 max-h-60 min-w-56 overflow-auto border-2 border-ink bg-white shadow-lg";
          status = document.createElement("div");
          status.setAttribute("role", "status");
          status.className = "sr-only";
          document.body.append(list, status);
          people = props.items as Person[];
          selected = 0;
          pick = (person) => props.command({ id: person.id, label: person.name });
          draw();
          place(props.clientRect?.());
        },
        onUpdate: (props) => {
          people = props.items as Person[];
          selected = 0;
          pick = (person) => props.command({ id: person.id, label: person.name });
          draw();
          place(props.clientRect?.());
        },
        onKeyDown: ({ event }) => {
          if (!people.length) return false;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            selected = (selected + (event.key === "ArrowDown" ? 1 : people.length - 1)) % people.length;
            draw();
            return true;
          }
          if (event.key === "Enter" || event.key === "Tab") {
            pick(people[selected]!);
            return true;
          }
          return event.key === "Escape";
        },
        onExit: () => {
          list?.remove();
          status?.remove();
          list = null;
          status = null;
        },
      };
    },
  };
}

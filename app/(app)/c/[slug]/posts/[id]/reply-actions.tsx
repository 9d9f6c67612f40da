"use client";

import { startTransition, useEffect, useState } from "react";
import { acceptAnswerAction, deleteCommentAction, helpfulCommentAction } from "@/app/_actions/posts";
import type { ActionState } from "@/lib/http/form-action";

// One island for every reply on the page. Each reply's Helpful, Delete and answer buttons submit
// one of the page's plain server-rendered forms (ReplyForms in discussion.tsx; reply-forms.ts)
// with the reply's id as their value; once this script has loaded, it takes their submits, calls
// the action with the form's fields and the button's, keeps the button busy meanwhile, and says
// what happened. The page itself refreshes from the action's response.

const actions = { helpful: helpfulCommentAction, accept: acceptAnswerAction, delete: deleteCommentAction };

function isReplyAction(name: string | undefined): name is keyof typeof actions {
  return name !== undefined && Object.hasOwn(actions, name);
}

export function ReplyActions() {
  const [result, setResult] = useState<ActionState>(null);
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !isReplyAction(form.dataset.replyAction)) return;
      // Before React's own handling: this island runs the action instead.
      event.preventDefault();
      event.stopPropagation();
      const button = event.submitter;
      if (!(button instanceof HTMLButtonElement) || button.disabled) return;
      const run = actions[form.dataset.replyAction];
      const data = new FormData(form, button);
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      startTransition(async () => {
        const state = await run(null, data).catch((): ActionState => ({ ok: false, message: "That did not work. Check your connection and try again." }));
        button.disabled = false;
        button.removeAttribute("aria-busy");
        setResult(state);
      });
    };
    window.addEventListener("submit", onSubmit, true);
    return () => window.removeEventListener("submit", onSubmit, true);
  }, []);
  const failed = result && !result.ok ? result.message : null;
  const done = result?.ok ? result.message : null;
  return (
    <div className="fixed inset-x-0 bottom-4 z-10 flex justify-center px-4 empty:hidden">
      <p role="alert" className={failed ? "border-4 border-danger bg-white p-3 font-semibold text-danger" : "sr-only"}>
        {failed}
      </p>
      <p role="status" className={done ? "border-l-4 border-success bg-white p-3 font-semibold" : "sr-only"}>
        {done}
      </p>
    </div>
  );
}

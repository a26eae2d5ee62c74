'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { TransitionActionResult, transitionArticleAction } from '@/app/(dashboard)/dashboard/_actions/articles';
import type { Transition } from '@/db/mutations/articles';
import type { CheckResult } from '@/lib/checklist';
import type { ArticleStatus } from '@/lib/domain';
import { formatWhen } from '@/lib/newsroom-format';
import { fromLocalInput, toLocalInput } from './local-time';

// Moving the article through the workflow: save first, then ask the server for the transition.
// The outcome is announced; the checklist's objections come back with a way to publish anyway.
// Withdrawing cannot be done in one click: it opens a confirmation that asks for the reason the
// corrections page will print, and a refused reason stays in the box for the person to fix.

export type TransitionOutcome = { message: string; problems?: CheckResult[]; retry?: () => void };

export function usePublishing({
  articleId,
  initialStatus,
  initialPublishedAt,
  save,
  transitionAction,
  onTransitioned,
  timeZone,
  locale,
}: {
  articleId: number;
  initialStatus: ArticleStatus;
  initialPublishedAt: string | null;
  save: () => Promise<boolean>;
  transitionAction: typeof transitionArticleAction;
  /** The article's new status and address, once the server has moved it. */
  onTransitioned: (article: { status: ArticleStatus; path: string | null }) => void;
  timeZone: string;
  locale: string;
}) {
  const router = useRouter();
  const [publishedAt, setPublishedAt] = useState(initialPublishedAt);
  const [publishAt, setPublishAt] = useState(toLocalInput(initialStatus === 'scheduled' ? initialPublishedAt : null));
  const [outcome, setOutcome] = useState<TransitionOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmingWithdrawal, setConfirmingWithdrawal] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');

  async function runTransition(transition: Transition, override = false) {
    setBusy(true);
    setOutcome(null);
    setReasonError('');
    try {
      if (!(await save())) {
        setOutcome({ message: 'Save the article first: see the message above.' });
        return;
      }
      const iso = transition === 'schedule' ? fromLocalInput(publishAt) : null;
      let result: TransitionActionResult;
      try {
        result = await transitionAction({ articleId, transition, publishAt: iso ?? undefined, override, reason: transition === 'withdraw' ? reason : undefined });
      } catch {
        setOutcome({ message: 'The newsroom could not be reached; nothing was changed. Try again.' });
        return;
      }
      if (result.ok) {
        onTransitioned({ status: result.status as ArticleStatus, path: result.path });
        setPublishedAt(result.publishedAt);
        const done: Record<Transition, string> = {
          submit: 'Submitted for review.',
          return_to_draft: 'Returned to draft.',
          schedule: `Scheduled for ${formatWhen(result.publishedAt, timeZone, locale)}.`,
          publish: 'Published.',
          withdraw: 'Withdrawn: readers now get “gone” at its address, and the corrections page gives the reason.',
          unwithdraw: 'Restored as a draft: it can be edited and published again.',
          unschedule: 'Unscheduled: it is a draft again.',
        };
        setOutcome({ message: done[transition] });
        if (transition === 'withdraw') {
          setConfirmingWithdrawal(false);
          setReason('');
        }
        router.refresh();
      } else if (result.field === 'reason') {
        // Said beside the box, which keeps what was typed.
        setReasonError(result.message);
      } else {
        const canOverride = result.problems && result.problems.length > 0 && !override;
        setOutcome({ message: result.message, problems: result.problems, retry: canOverride ? () => void runTransition(transition, true) : undefined });
      }
    } finally {
      setBusy(false);
    }
  }

  const withdrawal = {
    confirming: confirmingWithdrawal,
    open: () => setConfirmingWithdrawal(true),
    cancel: () => {
      setConfirmingWithdrawal(false);
      setReasonError('');
    },
    reason,
    setReason,
    error: reasonError,
  };

  return { publishedAt, publishAt, setPublishAt, outcome, busy, runTransition, withdrawal };
}

export type Publishing = ReturnType<typeof usePublishing>;

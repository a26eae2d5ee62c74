import type { CommentStatus } from '@/lib/domain';

export const STATUS_LABELS: Record<CommentStatus, string> = { pending: 'Pending', approved: 'Approved', spam: 'Spam', trash: 'Trash' };

export function CommentStatusBadge({ status }: { status: CommentStatus }) {
  const tone = status === 'approved' ? 'published' : status === 'pending' ? 'in_review' : status === 'spam' ? 'warn' : 'draft';
  return <span className={`badge badge--${tone}`}>{STATUS_LABELS[status]}</span>;
}

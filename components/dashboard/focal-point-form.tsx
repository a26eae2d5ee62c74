'use client';

import { useActionState, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { FocalPointState, setFocalPointAction } from '@/app/(dashboard)/dashboard/_actions/media';
import { focalInCrop, type CropRect } from '@/lib/media-crop';

type Props = {
  id: number;
  /** A small derivative to show (the library's preview), with the original's proportions. */
  preview: string;
  width: number;
  height: number;
  focal: { x: number; y: number } | null;
  /** The editor's crop and a derivative of it: cards and previews cut the cropped picture, not the whole. */
  cut?: { crop: CropRect; preview: string } | null;
  action: typeof setFocalPointAction;
};

const SHAPES = [
  { label: '16:9 (cards, link previews)', ratio: '16 / 9' },
  { label: '4:3', ratio: '4 / 3' },
  { label: '1:1', ratio: '1 / 1' },
];

/**
 * The focal point: click (or tap) the picture, or type per cent from the left and the top; arrow
 * keys move the marker when the picture has focus. The crops below show what cards and link
 * previews will cut. Without JavaScript the two number fields still submit.
 */
export function FocalPointForm({ id, preview, width, height, focal, cut, action }: Props) {
  const [state, formAction, pending] = useActionState<FocalPointState, FormData>(action, { error: null, saved: false });
  const [x, setX] = useState(focal ? String(focal.x) : '50');
  const [y, setY] = useState(focal ? String(focal.y) : '50');
  const nx = clampNumber(x);
  const ny = clampNumber(y);
  // The point as the cuts see it: inside the crop, when there is one.
  const inCut = cut ? focalInCrop({ x: nx, y: ny }, width, height, cut.crop)! : { x: nx, y: ny };

  const pick = (e: MouseEvent<HTMLButtonElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setX(String(Math.round(((e.clientX - box.left) / box.width) * 1000) / 10));
    setY(String(Math.round(((e.clientY - box.top) / box.height) * 1000) / 10));
  };
  const nudge = (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.shiftKey ? 10 : 2;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    setX(String(Math.min(100, Math.max(0, nx + move[0]))));
    setY(String(Math.min(100, Math.max(0, ny + move[1]))));
  };

  return (
    <form action={formAction} className="form focal-form">
      <input type="hidden" name="id" value={id} />
      <button type="button" className="focal-form__picker" onClick={pick} onKeyDown={nudge} aria-label="Picture: click where the focal point is, or use the arrow keys" style={{ aspectRatio: `${width} / ${height}` }}>
        <img src={preview} alt="" width={width} height={height} />
        <span className="focal-form__marker" aria-hidden="true" style={{ left: `${nx}%`, top: `${ny}%` }} />
      </button>
      <div className="focal-form__fields">
        <div className="field">
          <label htmlFor={`focal-x-${id}`}>Focal point from the left (%)</label>
          <input id={`focal-x-${id}`} name="x" type="number" inputMode="decimal" step="0.1" min={0} max={100} value={x} onChange={(e) => setX(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`focal-y-${id}`}>Focal point from the top (%)</label>
          <input id={`focal-y-${id}`} name="y" type="number" inputMode="decimal" step="0.1" min={0} max={100} value={y} onChange={(e) => setY(e.target.value)} />
        </div>
      </div>
      <ul className="focal-form__crops" aria-label="How the picture is cut">
        {SHAPES.map((s) => (
          <li key={s.ratio}>
            <img src={cut?.preview ?? preview} alt="" style={{ aspectRatio: s.ratio, objectFit: 'cover', objectPosition: `${inCut.x}% ${inCut.y}%` }} />
            <span className="muted">{s.label}</span>
          </li>
        ))}
      </ul>
      <div className="focal-form__actions">
        <button type="submit" className="button button--small" disabled={pending}>
          Save focal point
        </button>
        {focal ? (
          <button type="submit" name="clear" value="1" className="button button--small" disabled={pending}>
            Clear (use the centre)
          </button>
        ) : null}
      </div>
      <p className={state.error ? 'form__error' : 'form__notice'} role="status">
        {state.error ?? (state.saved ? 'Focal point saved.' : '')}
      </p>
    </form>
  );
}

function clampNumber(value: string): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 50;
}

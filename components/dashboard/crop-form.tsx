'use client';

import { useActionState, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { CropState, setCropAction } from '@/app/(dashboard)/dashboard/_actions/media';
import { CROP_ASPECTS, fitAspect, MIN_CROP_SIDE, type PixelRect } from '@/lib/media-crop';

type Props = {
  id: number;
  /** The whole picture (never the cropped one), with the original's proportions. */
  preview: string;
  width: number;
  height: number;
  /** The saved crop in pixels of the original; null for the whole picture. */
  crop: PixelRect | null;
  action: typeof setCropAction;
};

type Fields = { left: string; top: string; width: string; height: string };
const toFields = (r: PixelRect): Fields => ({ left: String(r.left), top: String(r.top), width: String(r.width), height: String(r.height) });
const LABELS: Record<keyof Fields, string> = { left: 'Left edge (px)', top: 'Top edge (px)', width: 'Width (px)', height: 'Height (px)' };

/**
 * The crop tool: drag on the picture to draw the rectangle (drag inside it to move it, its corner
 * to resize it), or
 * type it in pixels of the original; with the rectangle focused, arrow keys move it and
 * Shift+arrow keys resize it. The aspect presets fit the rectangle to a shape. Without JavaScript
 * the four number fields still submit. The server checks everything again (lib/media-crop.ts).
 */
export function CropForm({ id, preview, width, height, crop, action }: Props) {
  const full: PixelRect = { left: 0, top: 0, width, height };
  const [state, formAction, pending] = useActionState<CropState, FormData>(action, { error: null, field: null, saved: null, status: 200 });
  const [fields, setFields] = useState<Fields>(toFields(crop ?? full));
  const [aspect, setAspect] = useState<string>('free');
  const drag = useRef<{ mode: 'draw' | 'move' | 'resize'; x: number; y: number; start: PixelRect } | null>(null);
  const area = useRef<HTMLDivElement>(null);
  const ratio = CROP_ASPECTS.find((a) => a.value === aspect)?.ratio ?? null;

  // After "Reset to the full picture" the fields show the whole picture again.
  useEffect(() => {
    if (state.saved === 'reset') setFields(toFields({ left: 0, top: 0, width, height }));
  }, [state, width, height]);

  const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && v.trim() !== '' ? Number(v) : fallback);
  const shown: PixelRect = {
    left: clamp(num(fields.left, 0), 0, width - 1),
    top: clamp(num(fields.top, 0), 0, height - 1),
    width: 0,
    height: 0,
  };
  shown.width = clamp(num(fields.width, width), 1, width - shown.left);
  shown.height = clamp(num(fields.height, height), 1, height - shown.top);
  const set = (r: PixelRect) => setFields(toFields(r));
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;

  const change = (key: keyof Fields, value: string) => {
    const next = { ...fields, [key]: value };
    // A fixed shape: typing one side works out the other.
    if (ratio && (key === 'width' || key === 'height') && Number.isFinite(Number(value)) && value.trim() !== '') {
      if (key === 'width') next.height = String(Math.round(Number(value) / ratio));
      else next.width = String(Math.round(Number(value) * ratio));
    }
    setFields(next);
  };
  const chooseAspect = (value: string) => {
    setAspect(value);
    const r = CROP_ASPECTS.find((a) => a.value === value)?.ratio;
    if (r) set(fitAspect(shown, r, width, height));
  };

  const pointAt = (e: PointerEvent<HTMLDivElement>) => {
    const box = area.current!.getBoundingClientRect();
    return { x: clamp(Math.round(((e.clientX - box.left) / box.width) * width), 0, width), y: clamp(Math.round(((e.clientY - box.top) / box.height) * height), 0, height) };
  };
  const down = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const p = pointAt(e);
    const inside = p.x >= shown.left && p.x <= shown.left + shown.width && p.y >= shown.top && p.y <= shown.top + shown.height;
    const handle = (e.target as HTMLElement).dataset.handle === 'resize';
    // Over the whole picture (nothing cut yet) a drag draws a new rectangle; over a smaller one it moves it.
    const whole = shown.left === 0 && shown.top === 0 && shown.width === width && shown.height === height;
    drag.current = { mode: handle ? 'resize' : inside && !whole ? 'move' : 'draw', x: p.x, y: p.y, start: shown };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const move = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const p = pointAt(e);
    if (d.mode === 'resize') {
      // The bottom-right corner follows the pointer; the top-left stays.
      const w = clamp(d.start.width + p.x - d.x, 1, width - d.start.left);
      const h = ratio ? Math.round(w / ratio) : clamp(d.start.height + p.y - d.y, 1, height - d.start.top);
      if (d.start.top + h <= height) set({ ...d.start, width: w, height: h });
      return;
    }
    if (d.mode === 'move') {
      set({ ...d.start, left: clamp(d.start.left + p.x - d.x, 0, width - d.start.width), top: clamp(d.start.top + p.y - d.y, 0, height - d.start.height) });
      return;
    }
    let w = Math.abs(p.x - d.x);
    let h = Math.abs(p.y - d.y);
    if (ratio) h = Math.round(w / ratio);
    const left = p.x < d.x ? d.x - w : d.x;
    const top = ratio ? (p.y < d.y ? d.y - h : d.y) : p.y < d.y ? d.y - h : d.y;
    w = Math.min(w, width - clamp(left, 0, width));
    h = Math.min(h, height - clamp(top, 0, height));
    if (w > 2 && h > 2) set({ left: clamp(left, 0, width - 1), top: clamp(top, 0, height - 1), width: w, height: h });
  };
  const up = () => {
    drag.current = null;
  };
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = Math.max(1, Math.round(Math.min(width, height) / 50));
    const d: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const m = d[e.key];
    if (!m) return;
    e.preventDefault();
    if (e.shiftKey) {
      const w = clamp(shown.width + m[0], 1, width - shown.left);
      const h = ratio ? Math.round(w / ratio) : clamp(shown.height + m[1], 1, height - shown.top);
      if (shown.top + h <= height) set({ ...shown, width: w, height: h });
    } else {
      set({ ...shown, left: clamp(shown.left + m[0], 0, width - shown.width), top: clamp(shown.top + m[1], 0, height - shown.height) });
    }
  };

  const tooSmall = Math.min(shown.width, shown.height) < Math.min(MIN_CROP_SIDE, width, height);
  return (
    <form action={formAction} className="form crop-form" noValidate>
      <input type="hidden" name="id" value={id} />
      <div ref={area} className="crop-form__area" style={{ aspectRatio: `${width} / ${height}` }} onPointerDown={down} onPointerMove={move} onPointerUp={up} onPointerCancel={up}>
        <img src={preview} alt="" width={width} height={height} draggable={false} />
        <div
          className="crop-form__box"
          tabIndex={0}
          role="group"
          aria-label={`Crop area, ${shown.width} by ${shown.height} pixels: drag it or use the arrow keys to move it, Shift and the arrow keys to resize it`}
          onKeyDown={keys}
          style={{ left: pct(shown.left, width), top: pct(shown.top, height), width: pct(shown.width, width), height: pct(shown.height, height) }}
        >
          <span className="crop-form__handle" data-handle="resize" aria-hidden="true" />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`crop-aspect-${id}`}>Shape</label>
        <select id={`crop-aspect-${id}`} value={aspect} onChange={(e) => chooseAspect(e.target.value)}>
          {CROP_ASPECTS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="focal-form__fields">
        {(['left', 'top', 'width', 'height'] as const).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`crop-${key}-${id}`}>{LABELS[key]}</label>
            <input
              id={`crop-${key}-${id}`}
              name={key}
              type="number"
              inputMode="numeric"
              step={1}
              min={0}
              max={key === 'left' || key === 'width' ? width : height}
              value={fields[key]}
              onChange={(e) => change(key, e.target.value)}
              aria-invalid={state.field === key ? true : undefined}
              aria-describedby={state.field === key ? `crop-error-${id}` : undefined}
            />
          </div>
        ))}
      </div>
      <div className="crop-form__preview-row">
        <div className="crop-form__preview" aria-hidden="true" style={{ aspectRatio: `${shown.width} / ${shown.height}` }}>
          <img src={preview} alt="" style={{ width: pct(width, shown.width), left: `-${pct(shown.left, shown.width)}`, top: `-${pct(shown.top, shown.height)}` }} />
        </div>
        <p className="muted">
          Preview. Readers get {shown.width}×{shown.height} px{tooSmall ? ` (too small: at least ${Math.min(MIN_CROP_SIDE, width, height)} px on each side)` : ''}; link previews cut it further around the focal point.
        </p>
      </div>
      <div className="focal-form__actions">
        <button type="submit" className="button button--small" disabled={pending}>
          Save crop
        </button>
        {crop ? (
          <button type="submit" name="reset" value="1" className="button button--small" disabled={pending}>
            Reset to the full picture
          </button>
        ) : null}
      </div>
      <p id={`crop-error-${id}`} className={state.error ? 'form__error' : 'form__notice'} role="status">
        {state.error ?? (state.saved === 'cropped' ? 'Crop saved.' : state.saved === 'reset' ? 'Showing the full picture again.' : state.saved === 'unchanged' ? 'Nothing to change.' : '')}
      </p>
    </form>
  );
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

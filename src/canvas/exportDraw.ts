// Draws the caption's draw items on a 2D canvas context (the PNG export); fillText draws names as plain text.
import type { DrawItem } from '../export/exportLayout';
import { cssFont, type Measure } from '../export/exportText';

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function strokeAndFill(ctx: Ctx, fill: string | null, stroke: string | null, width: number, dash?: number[]) {
  if (fill) {
    ctx.fillStyle = fill;
    ctx.fill();
  }
  if (stroke && width > 0) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.setLineDash(dash ?? []);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

/** Draws `items` (in caption units) scaled by `unit` pixels per unit. */
export function drawItems(ctx: Ctx, items: DrawItem[], unit: number): void {
  ctx.save();
  ctx.scale(unit, unit);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const it of items) {
    ctx.beginPath();
    switch (it.type) {
      case 'text':
        ctx.font = cssFont(it.font);
        ctx.fillStyle = it.color;
        ctx.fillText(it.text, it.x, it.y);
        break;
      case 'rect':
        if (it.radius) ctx.roundRect(it.x, it.y, it.w, it.h, it.radius);
        else ctx.rect(it.x, it.y, it.w, it.h);
        strokeAndFill(ctx, it.fill, it.stroke, it.strokeWidth, it.dash);
        break;
      case 'poly':
        for (let i = 0; i < it.points.length; i += 2) ctx.lineTo(it.points[i], it.points[i + 1]);
        ctx.closePath();
        strokeAndFill(ctx, it.fill, it.stroke, it.strokeWidth);
        break;
      case 'ellipse':
        ctx.ellipse(it.cx, it.cy, it.rx, it.ry, 0, 0, 2 * Math.PI);
        strokeAndFill(ctx, it.fill, it.stroke, it.strokeWidth);
        break;
      case 'line':
        ctx.moveTo(it.x1, it.y1);
        ctx.lineTo(it.x2, it.y2);
        strokeAndFill(ctx, null, it.color, it.width, it.dash);
        break;
      default: {
        const never: never = it;
        throw new Error(`canvas/exportDraw: unknown item ${String(never)}`);
      }
    }
  }
  ctx.restore();
}

let measuring: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null = null;

/** A Measure backed by a canvas's measureText (the same fonts the export draws with). */
export const canvasMeasure: Measure = (text, font) => {
  measuring ??= typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1).getContext('2d') : document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * font.size * 0.56;
  measuring.font = cssFont(font);
  return measuring.measureText(text).width;
};

// Browser only: an SVG document rasterised to PNG bytes through an <img> and a canvas, for imagePng (image.ts) in the
// app. The command line uses resvg instead (rasterize.ts).
import { ExportError } from './image';

/** The PNG bytes of `svg` drawn at `width` × `height` pixels (the page keeps responding while the image encodes). */
export async function rasterizeInBrowser(svg: string, width: number, height: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode().catch(() => {
      throw new ExportError('The browser could not draw the image. Try a smaller scale, or export SVG.');
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ExportError(`The browser refused a ${width} × ${height} px canvas. Try a smaller scale.`);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b && b.size > 0 ? resolve(b) : reject(new ExportError('The browser could not encode the image (it may be out of memory). Try a smaller scale.'))), 'image/png'),
    );
    canvas.width = canvas.height = 0; // frees the pixels now rather than at the next collection
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Whether Cytoscape's WebGL renderer should draw a big graph: only on a hardware GPU. Software WebGL (SwiftShader,
// llvmpipe: headless browsers, some virtual machines) draws large graphs far slower than the canvas renderer
// (measured here: 5,000 entities took 23 s with software WebGL against 7 s on canvas), so it falls back to canvas.

let cached: boolean | null = null;

/** The name of the WebGL renderer, or null when there is no WebGL. */
export function webglRendererName(): string | null {
  if (typeof document === 'undefined') return null;
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** Whether a renderer name is a software rasteriser. */
export const isSoftwareRenderer = (name: string) => /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);

/** True when WebGL runs on a hardware GPU (computed once). */
export function hardwareWebgl(): boolean {
  if (cached === null) {
    const name = webglRendererName();
    cached = name !== null && !isSoftwareRenderer(name);
  }
  return cached;
}

// The WebGL decision: software rasterisers are recognised and never chosen.
import { describe, expect, it } from 'vitest';
import { hardwareWebgl, isSoftwareRenderer } from '../../src/canvas/webgl';

describe('webgl', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', true],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', true],
    ['Microsoft Basic Render Driver', true],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', false],
    ['Apple M2', false],
  ])('%s is software: %s', (name, software) => expect(isSoftwareRenderer(name)).toBe(software));

  it('is off without a DOM', () => expect(hardwareWebgl()).toBe(false));
});

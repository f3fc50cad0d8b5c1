import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { applyReleaseFuses } from './release-fuses';

// A stand-in Electron binary: the fuse wire sits after this sentinel, as in real Electron binaries (12+).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The bytes Electron uses for a fuse that is off ('0') or on ('1'). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

function fakeElectron(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-fuses-'));
  const file = path.join(dir, 'electron');
  const wire = Buffer.from([1, 8, ...Array(8).fill(FuseState.ENABLE)]); // version 1, 8 fuses, all on (Electron's default is mixed)
  fs.writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL), wire, Buffer.alloc(4096, 0x90)]));
  return file;
}

describe('release fuses', () => {
  it('turn off run-as-node, NODE_OPTIONS and --inspect, and turn on ASAR integrity, in the packaged binary', async () => {
    const file = fakeElectron();
    await applyReleaseFuses(file);
    const wire = await getCurrentFuseWire(file);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('refuses a binary with more fuses than Herald has decided on, rather than leaving one at its default', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-fuses-'));
    const file = path.join(dir, 'electron');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 9, ...Array(9).fill(FuseState.ENABLE)])]));
    await expect(applyReleaseFuses(file)).rejects.toThrow(/strictlyRequireAllFuses/);
  });
});

/**
 * Electron fuses for release builds (DESIGN.md security baseline): switches compiled into the Electron binary that
 * no environment variable or command-line flag can turn back on. Applied to the packaged binary after packing
 * (`applyReleaseFuses(pathToElectron)`, called from the packager's afterPack hook; packaging needs the Electron
 * binary, which this build machine cannot download).
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE` cannot turn Herald into a plain Node that reads the keychain.
 * - NODE_OPTIONS and --inspect off: nobody can inject code or attach a debugger to the process holding credentials.
 * - ASAR integrity on, and the app only from the ASAR: the shipped code cannot be swapped on disk.
 * - Cookie encryption on; no extra privileges for file:// (Herald serves itself from app://).
 */
import { flipFuses, FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses';

export const RELEASE_FUSES: FuseConfig = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

export function applyReleaseFuses(pathToElectron: string): Promise<number> {
  return flipFuses(pathToElectron, RELEASE_FUSES);
}

// Local copies of the runtime's content-hashed files (wasm, lean zip, snapshot), kept by the worker in the
// origin-private file system. Why: on a returning visit the HTTP cache hands a worker its bytes at about
// 80 MB/s, brotli or not (about 0.4 s for the 31.5 MB snapshot on the machine of README "Figures"); a
// synchronous read of the three takes 50-90 ms. A copy is a cache of a file the reader already downloaded:
// it never costs a byte of network, and anything wrong with it means "use the HTTP cache" (README "Deploying").
// - A copy counts only under a name the manifest gives and at its size: a name carries its content's
//   hash, so a file of the right name and size is that file. It is written under a temporary name and
//   then renamed.
// - Files the current manifest does not name (an earlier deploy's, a write cut short) are deleted when
//   the new copies are written.
const FOLDER = "kb-runtime";
const PART = ".part";

let opened = null;
const folder = () => (opened ??= Promise.resolve().then(() => navigator.storage.getDirectory())
  .then((root) => root.getDirectoryHandle(FOLDER, { create: true })));

// name -> bytes of every copy in the folder (none where the browser keeps no storage). Read without the
// manifest, while the worker revalidates it: the caller keeps those it names, at the size it gives.
export async function read() {
  const found = new Map();
  try {
    const dir = await folder();
    const names = [];
    for await (const name of dir.keys()) if (!name.endsWith(PART)) names.push(name);
    const handles = await Promise.all(names.map((name) => dir.getFileHandle(name)
      .then((file) => file.createSyncAccessHandle()).catch(() => null))); // null: another tab's worker holds it
    for (const [i, handle] of handles.entries()) {
      if (!handle) continue;
      try {
        const bytes = new Uint8Array(handle.getSize());
        if (handle.read(bytes, { at: 0 }) === bytes.length) found.set(names[i], bytes);
      } catch { /* unreadable: the HTTP cache serves instead */ } finally {
        handle.close();
      }
    }
  } catch { /* no origin-private storage here (an old browser, or storage blocked) */ }
  return found;
}

// Writes `files` (name -> bytes) and deletes every other file of the folder except those in `keep`.
// Never throws: a copy that cannot be written is simply not there next time.
export async function write(files, keep) {
  let dir;
  try {
    dir = await folder();
  } catch {
    return;
  }
  for (const [name, bytes] of files) {
    try {
      const part = await dir.getFileHandle(name + PART, { create: true });
      const handle = await part.createSyncAccessHandle();
      try {
        handle.truncate(0);
        handle.write(bytes, { at: 0 });
        handle.flush();
      } finally {
        handle.close();
      }
      await dir.removeEntry(name).catch(() => {}); // a copy of the wrong size, if any
      await part.move(name);
    } catch (error) {
      console.warn(`kb: no local copy of ${name}:`, error); // quota, or another tab writing it
    }
  }
  for await (const name of dir.keys()) {
    if (!keep.includes(name)) await dir.removeEntry(name).catch(() => {}); // in use by another tab: next time
  }
}

// Deletes one copy (one that turned out unusable).
export async function drop(name) {
  try {
    await (await folder()).removeEntry(name);
  } catch { /* already gone */ }
}

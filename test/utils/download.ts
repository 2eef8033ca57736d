import { onTestFinished, vi } from 'vitest';

export interface Download {
  fileName: string;
  href: string;
  blob: Blob;
}

/**
 * Captures files the app offers for download: jsdom has no URL.createObjectURL and
 * navigates on anchor clicks, so both are replaced for the current test and put back after it.
 */
export function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const downloads: Download[] = [];
  const created = Object.getOwnPropertyDescriptor(URL, 'createObjectURL');
  const revoked = Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL');
  const createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:x${blobs.size + 1}`;
    blobs.set(url, blob);
    return url;
  });
  const revokeObjectURL = vi.fn((_url: string) => undefined);
  Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
  Object.defineProperty(URL, 'revokeObjectURL', { value: revokeObjectURL, configurable: true, writable: true });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    if (!blob) throw new Error(`Clicked a link to ${this.href}, which is no created object URL`);
    downloads.push({ fileName: this.download, href: this.getAttribute('href') ?? '', blob });
  });

  onTestFinished(async () => {
    // The app revokes the URL on the next task: let that run before putting jsdom back.
    await new Promise((resolve) => setTimeout(resolve, 0));
    click.mockRestore();
    for (const [key, descriptor] of [
      ['createObjectURL', created],
      ['revokeObjectURL', revoked],
    ] as const) {
      if (descriptor) Object.defineProperty(URL, key, descriptor);
      else Reflect.deleteProperty(URL, key);
    }
  });

  return { downloads, createObjectURL, revokeObjectURL, click };
}

/** The text of a blob, as the browser would save it (BOM included). */
export async function blobText(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

export const SPDX_XML_DIR: string;
export function buildSpdxTemplates(dir?: string): { index: unknown; bin: Buffer };
export function spdxXmlTexts(dir?: string): Map<string, { name: string; osi: boolean; text: string }>;
export function xmlSource(dir?: string): string;
export function spdxXmlHeaders(dir?: string): Map<string, string>;

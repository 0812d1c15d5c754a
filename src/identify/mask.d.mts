export function maskMarkup(text: string): string;

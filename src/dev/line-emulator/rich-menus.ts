import { newRichMenuId } from './ids';

export interface RichMenuSize {
  width: number;
  height: number;
}

export interface RichMenu {
  richMenuId: string;
  size: RichMenuSize;
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: unknown[];
}

export interface RichMenuImage {
  contentType: string;
  bytes: Uint8Array;
}

export type RichMenuInput = Omit<RichMenu, 'richMenuId'>;

export class RichMenuStore {
  private readonly menus = new Map<string, RichMenu>();
  private readonly images = new Map<string, RichMenuImage>();
  private readonly userLinks = new Map<string, string>();
  private defaultId: string | null = null;

  create(input: RichMenuInput): RichMenu {
    const menu: RichMenu = { richMenuId: newRichMenuId(), ...input };
    this.menus.set(menu.richMenuId, menu);
    return menu;
  }

  get(richMenuId: string): RichMenu | undefined {
    return this.menus.get(richMenuId);
  }

  list(): RichMenu[] {
    return [...this.menus.values()];
  }

  delete(richMenuId: string): boolean {
    if (!this.menus.delete(richMenuId)) return false;
    this.images.delete(richMenuId);
    if (this.defaultId === richMenuId) this.defaultId = null;
    for (const [userId, linked] of this.userLinks) if (linked === richMenuId) this.userLinks.delete(userId);
    return true;
  }

  hasImage(richMenuId: string): boolean {
    return this.images.has(richMenuId);
  }

  getImage(richMenuId: string): RichMenuImage | undefined {
    return this.images.get(richMenuId);
  }

  setImage(richMenuId: string, image: RichMenuImage): void {
    this.images.set(richMenuId, image);
  }

  get defaultRichMenuId(): string | null {
    return this.defaultId;
  }

  setDefault(richMenuId: string | null): void {
    this.defaultId = richMenuId;
  }

  link(userId: string, richMenuId: string): void {
    this.userLinks.set(userId, richMenuId);
  }

  unlink(userId: string): void {
    this.userLinks.delete(userId);
  }

  linkedTo(userId: string): string | undefined {
    return this.userLinks.get(userId);
  }

  clear(): void {
    this.menus.clear();
    this.images.clear();
    this.userLinks.clear();
    this.defaultId = null;
  }
}

import { createContext, useContext } from 'react';
import { translator, type Lang, type Translate } from '../i18n';

export interface LocaleValue {
  lang: Lang;
  t: Translate;
}

export const LocaleContext = createContext<LocaleValue>({ lang: 'vi', t: translator('vi') });

export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}

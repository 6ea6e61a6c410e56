import { createContext, type ComponentChildren } from 'preact'
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks'
import { en } from './en'
import { format, type Translate } from './format'
import { vi, type MessageKey } from './vi'

export type Lang = 'vi' | 'en'
export type { Translate }

const STORAGE_KEY = 'tin-admin-lang'
const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en }

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}


interface I18n {
  lang: Lang
  t: Translate
  setLang: (lang: Lang) => void
}

const I18nContext = createContext<I18n>({ lang: 'vi', t: (key, params) => format(vi[key], params), setLang: () => {} })

/** Vietnamese by default; the editor's choice of English is kept in localStorage. */
export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(storedLang)
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setLangState(next)
  }, [])
  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => format(catalogs[lang][key], params) }), [lang, setLang])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export const useI18n = () => useContext(I18nContext)
export const useT = () => useContext(I18nContext).t

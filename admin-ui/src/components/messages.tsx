/** The success and error lines of a screen: announced politely, and assertively for errors. */
export function Messages({ notice, error }: { notice?: string | null | undefined; error?: string | null | undefined }) {
  return (
    <>
      {notice && (
        <p class="message success" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}

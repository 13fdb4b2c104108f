/** The message of an endpoint's error answer (`{ errors: [{ message }] }`), or its status. */
export async function errorText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null
  return String(body?.errors?.[0]?.message ?? response.status)
}

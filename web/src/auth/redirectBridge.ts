// The redirect bridge (msal-browser 5): Entra's answer lands here and goes back to whoever asked, the pane's
// pop-up or silent request, or the sign-in dialog's redirect. No MSAL instance and no API call on this page.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  const status = document.getElementById('status');
  if (status) status.textContent = `Không hoàn tất được đăng nhập (${(error as { errorCode?: string }).errorCode ?? 'error'}). Hãy đóng cửa sổ này và thử lại.`;
});

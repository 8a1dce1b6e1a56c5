/** Password sign-in and the invitation page (namespace "signin"). */
export const messages = {
  'zh-CN': {
    login: '登录名或邮箱',
    password: '密码',
    needLogin: '请填写登录名和密码，或在下方填写访问令牌。',
    tokenSection: '或使用 API 令牌（供脚本与顾问使用）',
    invitation: {
      title: '设置密码',
      for: '为 {{name}} 设置密码，登录名：{{login}}。',
      password: '新密码',
      confirm: '再次输入新密码',
      rule: '至少 {{min}} 个字符，不能与登录名相同。',
      mismatch: '两次输入的密码不一致',
      submit: '设置密码并登录',
      saving: '正在保存…',
      checking: '正在核对邀请链接…',
    },
  },
  en: {
    login: 'Login or e-mail',
    password: 'Password',
    needLogin: 'Enter your login and password, or an access token below.',
    tokenSection: 'Or use an API token (for scripts and consultants)',
    invitation: {
      title: 'Set your password',
      for: 'Set the password of {{name}}, login {{login}}.',
      password: 'New password',
      confirm: 'New password again',
      rule: 'At least {{min}} characters, not the login.',
      mismatch: 'The two passwords differ',
      submit: 'Set password and sign in',
      saving: 'Saving…',
      checking: 'Checking the invitation link…',
    },
  },
};

// The words of the newsroom's e-mails: plain text, the link on a line of its own so every mail
// program makes it clickable, and what to do if the message was not expected.

export function invitationMail(input: { to: string; name: string; inviter: string; role: string; link: string; expiresAt: Date; publication: string }) {
  return {
    to: input.to,
    subject: `${input.publication}: you are invited to the newsroom`,
    link: input.link,
    text: [
      `Hello ${input.name || 'there'},`,
      '',
      `${input.inviter} has invited you to join the newsroom of ${input.publication} as ${input.role}. Choose your password here:`,
      '',
      input.link,
      '',
      `The link works once, until ${input.expiresAt.toUTCString()}. If you were not expecting this, ignore this message.`,
    ].join('\n'),
  };
}

export function passwordResetMail(input: { to: string; name: string; link: string; minutes: number; publication: string }) {
  return {
    to: input.to,
    subject: `${input.publication}: set a new password`,
    link: input.link,
    text: [
      `Hello ${input.name},`,
      '',
      'Someone, hopefully you, asked to set a new password for your newsroom account. Choose it here:',
      '',
      input.link,
      '',
      `The link works once, for ${input.minutes} minutes. If you did not ask, ignore this message: your password stays as it is.`,
    ].join('\n'),
  };
}

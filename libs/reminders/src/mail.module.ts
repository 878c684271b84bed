import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** One SMTP transport (and its connection pool) per process, shared by every module that sends mail. */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}

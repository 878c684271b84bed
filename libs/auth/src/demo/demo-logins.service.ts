import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import type { DemoLoginsResponse } from '../dto/demo-logins.response';
import { demoLogins } from './demo-logins';

@Injectable()
export class DemoLoginsService {
  constructor(private readonly config: AppConfig) {}

  get(): DemoLoginsResponse {
    return demoLogins(this.config) ?? { demo: false, users: [] };
  }
}

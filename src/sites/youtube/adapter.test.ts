// @vitest-environment happy-dom
import { describeAdapterFixtures } from '../fixture-tests';
import adapter from './adapter';

describeAdapterFixtures(adapter);
